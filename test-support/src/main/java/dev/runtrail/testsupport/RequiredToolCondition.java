package dev.runtrail.testsupport;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Skips (or, when tools are required, fails) the classes of {@link RequiresTool} whose program is missing. */
final class RequiredToolCondition implements ExecutionCondition {

  /** JUnit configuration parameter: {@code false} keeps skips off the console (this module's own tests). */
  static final String ANNOUNCE_PARAMETER = "runtrail.tools.announce";

  /** Packages already announced by this test JVM: one line each, however many classes need them. */
  private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    RequiresTool tool = context.getElement()
        .flatMap(element -> AnnotationSupport.findAnnotation(element, RequiresTool.class))
        .orElse(null);
    if (tool == null || Tools.find(tool.value()).isPresent()) {
      return ConditionEvaluationResult.enabled("the tool is there");
    }
    String line = Tools.missingLine(tool.value(), tool.debianPackage());
    if (Tools.required()) {
      throw new IllegalStateException(line + " (-D" + Tools.REQUIRED_PROPERTY + "=true: missing tools fail)");
    }
    boolean announce = context.getConfigurationParameter(ANNOUNCE_PARAMETER).map(Boolean::parseBoolean).orElse(true);
    if (announce && ANNOUNCED.add(tool.debianPackage())) {
      console().println("[WARNING] Skipping the tests that need " + tool.value()[0] + ": " + line + ".");
    }
    return ConditionEvaluationResult.disabled(line);
  }

  /**
   * The test JVM's own standard error, not {@code System.err}: Surefire sends what tests print to a file,
   * but shows the forked JVM's raw standard error on the build's console.
   */
  private static PrintStream console() {
    return new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
  }
}
