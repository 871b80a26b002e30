package dev.runtrail.spring.boot;

/** {@link ContextCloseTests} on Boot 3.5. */
class ContextCloseTest extends ContextCloseTests {}
