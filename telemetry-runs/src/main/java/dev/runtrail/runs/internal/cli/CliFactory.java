package dev.runtrail.runs.internal.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Creates commands and mixins, handing those that want it the {@link CliEnvironment}. */
final class CliFactory implements CommandLine.IFactory {

  private final CliEnvironment environment;

  CliFactory(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      Class<?>[] parameters = constructor.getParameterTypes();
      if (parameters.length == 1 && parameters[0] == CliEnvironment.class) {
        constructor.setAccessible(true);
        return type.cast(constructor.newInstance(environment));
      }
    }
    return CommandLine.defaultFactory().create(type);
  }
}
