/** What an image's layers hold: which bytes no container sees, and which step left them. */
package dev.layerlab.layers;
