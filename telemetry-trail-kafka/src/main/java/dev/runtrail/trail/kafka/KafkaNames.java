package dev.runtrail.trail.kafka;

import java.util.regex.Pattern;

/** What Kafka accepts as bootstrap servers and topic names, checked without asking DNS or a broker. */
final class KafkaNames {

  static final String TOPIC_RULE = "1 to 249 of a-z, A-Z, 0-9, '.', '_', '-', and not '.' or '..'";
  private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  private KafkaNames() {}

  static boolean isTopic(String name) {
    return name != null && TOPIC.matcher(name).matches() && !name.equals(".") && !name.equals("..");
  }

  /** Why {@code servers} is not a {@code host:port[,host:port...]} list; null when it is one. */
  static String bootstrapProblem(String servers) {
    if (servers.isBlank()) {
      return "empty";
    }
    for (String part : servers.split(",", -1)) {
      String server = part.trim();
      int colon = server.lastIndexOf(':');
      if (colon <= 0 || server.chars().anyMatch(Character::isWhitespace)) {
        return "'" + server + "' is not host:port";
      }
      String port = server.substring(colon + 1);
      if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
        return "'" + port + "' in '" + server + "' is not a port from 1 to 65535";
      }
    }
    return null;
  }
}
