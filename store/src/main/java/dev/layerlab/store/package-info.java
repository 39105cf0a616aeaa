/**
 * The results store: every build and start-up of every run, written as it is measured, in an
 * embedded SQLite file or a PostgreSQL database several CI machines share; read back for history
 * and for the merged report of a sharded run. One schema and one set of portable SQL statements
 * serve both databases.
 */
package dev.layerlab.store;
