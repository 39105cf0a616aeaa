package dev.layerlab.cache;

import java.util.Objects;
import java.util.Optional;

/**
 * Which builder's cache rules to apply, and optionally the Docker Engine version they run in.
 *
 * <p>Version-dependent rules, each applied only when the version is known to be in its range (an
 * unknown version gets the behaviour of current releases):
 *
 * <ul>
 *   <li>Classic, from 25.0 to before 26.1: a {@code WORKDIR} whose absolute path is not clean (a
 *       trailing slash, {@code //}, {@code /./}) never hits, because the daemon cleaned the path in
 *       the committed image but probed with the written one (moby/moby#47627, reported on 25.0,
 *       fixed in 26.1 by moby/moby#47723). Docker 20.10 was observed to reuse {@code WORKDIR
 *       /root/} (the cache-case integration test), so earlier versions are outside the range.
 *   <li>BuildKit, before 23.0 and without a {@code # syntax} directive: the built-in Dockerfile
 *       frontend (1.2) does not know {@code COPY --link} and the build fails on it.
 *   <li>BuildKit, before 25.0 and without a {@code # syntax} directive: {@code ADD --checksum} is
 *       unknown to the built-in frontend.
 * </ul>
 *
 * @param builder whose cache rules apply
 * @param daemonVersion the engine version, when known
 */
public record CacheSemantics(Builder builder, Optional<DockerVersion> daemonVersion) {

  /** The classic builder ({@code DOCKER_BUILDKIT=0}); what layerlab benchmarks with by default. */
  public static final CacheSemantics CLASSIC =
      new CacheSemantics(Builder.CLASSIC, Optional.empty());

  /** BuildKit, the default builder of Docker 23 and later. */
  public static final CacheSemantics BUILDKIT =
      new CacheSemantics(Builder.BUILDKIT, Optional.empty());

  /** The two builders whose cache rules differ. */
  public enum Builder {
    CLASSIC,
    BUILDKIT
  }

  public CacheSemantics {
    Objects.requireNonNull(builder, "builder");
    Objects.requireNonNull(daemonVersion, "daemonVersion");
  }

  public CacheSemantics withDaemonVersion(DockerVersion version) {
    return new CacheSemantics(builder, Optional.of(version));
  }

  public boolean isClassic() {
    return builder == Builder.CLASSIC;
  }

  /** True only when the version is known and older than {@code major.minor}. */
  boolean knownBefore(int major, int minor) {
    return daemonVersion.map(v -> v.isBefore(major, minor)).orElse(false);
  }

  /** True when the version is known and in [from, before). */
  boolean knownWithin(int fromMajor, int fromMinor, int beforeMajor, int beforeMinor) {
    return daemonVersion
        .map(v -> !v.isBefore(fromMajor, fromMinor) && v.isBefore(beforeMajor, beforeMinor))
        .orElse(false);
  }
}
