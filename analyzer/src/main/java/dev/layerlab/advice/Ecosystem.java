package dev.layerlab.advice;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Package managers whose install step layerlab recognises, and the manifest files that install
 * reads. Copying only those files before the install lets the install's layer stay cached while the
 * rest of the project changes.
 */
enum Ecosystem {
  PIP(
      "pip",
      Pattern.compile(
          "\\bpip3?(?:\\.\\d+)?\\s+install\\b|\\bpython3?\\S*\\s+-m\\s+pip\\s+install\\b")) {
    @Override
    Optional<List<String>> manifests(String command) {
      Matcher m = REQUIREMENT.matcher(command);
      List<String> files = new java.util.ArrayList<>();
      while (m.find()) {
        files.add(m.group(1));
      }
      return files.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(files));
    }
  },
  NPM("npm", Pattern.compile("\\bnpm\\s+(?:ci|install|i)(?=\\s*(?:$|&&|;|\\||--|-\\w))")) {
    @Override
    Optional<List<String>> manifests(String command) {
      return Optional.of(List.of("package.json", "package-lock.json"));
    }
  },
  YARN("yarn", Pattern.compile("\\byarn(?:\\s+install)?(?=\\s*(?:$|&&|;|\\||--))")) {
    @Override
    Optional<List<String>> manifests(String command) {
      return Optional.of(List.of("package.json", "yarn.lock"));
    }
  },
  PNPM("pnpm", Pattern.compile("\\bpnpm\\s+(?:install|i)(?=\\s*(?:$|&&|;|\\||--))")) {
    @Override
    Optional<List<String>> manifests(String command) {
      return Optional.of(List.of("package.json", "pnpm-lock.yaml"));
    }
  },
  GO("Go modules", Pattern.compile("\\bgo\\s+mod\\s+download\\b")) {
    @Override
    Optional<List<String>> manifests(String command) {
      return Optional.of(List.of("go.mod", "go.sum"));
    }
  },
  BUNDLER("Bundler", Pattern.compile("\\bbundle\\s+install\\b")) {
    @Override
    Optional<List<String>> manifests(String command) {
      return Optional.of(List.of("Gemfile", "Gemfile.lock"));
    }
  },
  COMPOSER("Composer", Pattern.compile("\\bcomposer\\s+install\\b")) {
    @Override
    Optional<List<String>> manifests(String command) {
      return Optional.of(List.of("composer.json", "composer.lock"));
    }
  };

  private static final Pattern REQUIREMENT =
      Pattern.compile("(?:^|\\s)(?:-r\\s*|--requirement[=\\s]+)([^\\s;&|]+)");

  private final String displayName;
  private final Pattern install;

  Ecosystem(String displayName, Pattern install) {
    this.displayName = displayName;
    this.install = install;
  }

  String displayName() {
    return displayName;
  }

  /** The manifests an install command reads, when it installs from manifests alone. */
  abstract Optional<List<String>> manifests(String command);

  /** The first ecosystem whose install from manifests this command runs. */
  static Optional<Recognised> recognise(String command) {
    for (Ecosystem e : values()) {
      if (e.install.matcher(command).find()) {
        Optional<List<String>> files = e.manifests(command);
        if (files.isPresent()) {
          return Optional.of(new Recognised(e, files.get()));
        }
      }
    }
    return Optional.empty();
  }

  /** An install command and the manifests it reads. */
  record Recognised(Ecosystem ecosystem, List<String> manifests) {}
}
