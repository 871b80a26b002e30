package dev.runtrail.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that needs a program of the machine (a browser, a server): when none of {@link #value()}
 * is found ({@link Tools#find}), its tests are skipped and one line on the build's console names the
 * Debian package to install — or, with {@code -D}{@value Tools#REQUIRED_PROPERTY}{@code =true} (the
 * {@code ./test} command, which installs them first), they fail with that line instead.
 *
 * <pre>{@code
 * @Tag("browser")
 * @RequiresTool(value = {"chromium", "chromium-browser"}, debianPackage = "chromium")
 * class ReportInChromiumTest { ... }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiredToolCondition.class)
public @interface RequiresTool {

  /** Program names, any one of which will do (looked up on the PATH, then in /usr/bin and /usr/local/bin). */
  String[] value();

  /** The Debian package that provides it. */
  String debianPackage();
}
