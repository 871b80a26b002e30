package dev.runtrail.spring.boot4;

import dev.runtrail.spring.boot.ContextCloseTests;

/** Closing a Boot 4.0 context closes Runtrail: open runs ended, trail flushed, spans exported redacted. */
class Boot4ContextCloseTest extends ContextCloseTests {}
