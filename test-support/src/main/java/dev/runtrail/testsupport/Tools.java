package dev.runtrail.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the machine's programs that tests drive (Chromium, Prometheus, ...). */
public final class Tools {

  /** With {@code true} (set by {@code ./test}), a missing program fails its tests instead of skipping them. */
  public static final String REQUIRED_PROPERTY = "runtrail.tools.required";

  private Tools() {}

  /**
   * The first of {@code names} found on the PATH, then in /usr/bin, /usr/local/bin and the newest
   * /usr/lib/postgresql/VERSION/bin (where Debian's {@code postgresql} keeps initdb and postgres).
   */
  public static Optional<Path> find(String... names) {
    for (String name : names) {
      for (Path dir : searchPath()) {
        Path candidate = dir.resolve(name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate.toAbsolutePath());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The first of {@code names} found.
   *
   * @throws IllegalStateException with {@link #missingLine} when none is
   */
  public static Path locate(String debianPackage, String... names) {
    return find(names).orElseThrow(() -> new IllegalStateException(missingLine(names, debianPackage)));
  }

  /** The one line that says what is missing and how to install it. */
  public static String missingLine(String[] names, String debianPackage) {
    return String.join(" / ", names) + " not found on the PATH nor in /usr/bin, /usr/local/bin or"
        + " /usr/lib/postgresql/*/bin: install the Debian"
        + " package `" + debianPackage + "` (apt-get install -y --no-install-recommends " + debianPackage + "), or run"
        + " ./test, which installs what the tests need";
  }

  /** Whether missing programs fail their tests ({@value #REQUIRED_PROPERTY}). */
  public static boolean required() {
    return Boolean.parseBoolean(System.getProperty(REQUIRED_PROPERTY, "false").trim());
  }

  /** Debian's /usr/lib/postgresql/VERSION/bin folders, newest version first. */
  private static List<Path> postgresBinaries() {
    List<Path> dirs = new ArrayList<>();
    try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      versions.map(version -> version.resolve("bin")).filter(Files::isDirectory).forEach(dirs::add);
    } catch (java.io.IOException | RuntimeException none) {
      return dirs;
    }
    dirs.sort(java.util.Comparator.comparing((Path dir) -> versionOf(dir)).reversed());
    return dirs;
  }

  private static int versionOf(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static List<Path> searchPath() {
    List<Path> dirs = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isBlank()) {
          dirs.add(Path.of(dir));
        }
      }
    }
    dirs.add(Path.of("/usr/bin"));
    dirs.add(Path.of("/usr/local/bin"));
    dirs.addAll(postgresBinaries());
    return dirs;
  }
}
