package dev.runtrail.redaction.internal;

/**
 * {@code key=value}, {@code key: value}, {@code "key": "value"} (also with escaped quotes inside a log
 * line) and query parameters, anchored on the '=' or ':'. The key is classified by its words; only the
 * value of a sensitive key is replaced, never the key. Keys in connection strings ({@code ;Password=},
 * {@code ?password=}, {@code AccountKey=}) report the connection-string rule; an Authorization value
 * keeps its scheme ({@code Bearer [REDACTED]}); a Cookie value runs to the end of the line. A {@code value}
 * key is sensitive when the name of its pair is ({@code - name: DB_PASSWORD} / {@code value: ...}).
 */
final class Assignment {
  private static final int MAX_KEY = 96;
  private static final int MAX_QUOTED = 4096;
  private static final int MAX_PLACEHOLDER = 128;
  /** Between a pair's name and its value key: a comma, quotes, a line break and YAML indentation. */
  private static final int MAX_PAIR_GAP = 24;
  private static final String[] CONNECTION_KEYS = {
    "password", "pwd", "accountkey", "sharedaccesskey", "sharedaccesssignature"
  };
  /** {@link #ruleFor}'s answer for a {@link KeyClassifier#SECRET_IF_RANDOM} key: the value decides. */
  private static final int IF_RANDOM = -2;
  private static final String[] AUTH_SCHEMES = {"bearer", "basic", "token", "digest", "negotiate", "bot"};

  private final KeyClassifier keys;
  private final boolean strict;
  private final String maskText;

  Assignment(KeyClassifier keys, boolean strict, String maskText) {
    this.keys = keys;
    this.strict = strict;
    this.maskText = maskText;
  }

  /**
   * Cheap first look: where the key before the separator at {@code p} ends, or -1 when that key cannot
   * be sensitive (its last two chars end no sensitive word, or it is not a key at all: {@code 10:22}).
   */
  int keyEnd(String s, int p) {
    int keyEnd = p;
    while (keyEnd > 0 && p - keyEnd < 2 && s.charAt(keyEnd - 1) == ' ') {
      keyEnd--;
    }
    if (keyEnd > 0 && (s.charAt(keyEnd - 1) == '"' || s.charAt(keyEnd - 1) == '\'')) {
      keyEnd--;
      if (keyEnd > 0 && s.charAt(keyEnd - 1) == '\\') {
        keyEnd--;
      }
    }
    // "value" (a name/value pair's value key) passes mayEndSensitiveKey: it is a qualifier word
    if (keyEnd < 2 || !CharClass.isAlnum(s.charAt(keyEnd - 1)) || !keys.mayEndSensitiveKey(s, keyEnd)) {
      return -1;
    }
    return keyEnd;
  }

  long match(String s, int p) {
    int keyEnd = keyEnd(s, p);
    return keyEnd < 0 ? ScanResult.resumeAt(p + 1) : match(s, p, keyEnd);
  }

  /** The full check, once {@link #keyEnd} passed. */
  long match(String s, int p, int keyEnd) {
    int keyStart = CharClass.runStart(s, keyEnd, keyEnd - MAX_KEY, CharClass.KEY);
    if (isGoPointerType(s, keyStart, keyEnd)) {
      return ScanResult.resumeAt(p + 1);
    }
    int rule = ruleFor(s, keyStart, keyEnd);
    if (rule == IF_RANDOM) {
      return randomValue(s, p);
    }
    return rule < 0 ? ScanResult.resumeAt(p + 1) : value(s, p, rule, keyStart, keyEnd);
  }

  /**
   * {@code *v1.Secret: ...} in a Go error ("Failed to watch *v1.Secret: unknown") names a type, not a key:
   * '*', a package, '.', an exported (upper-case) type name.
   */
  private static boolean isGoPointerType(String s, int keyStart, int keyEnd) {
    if (keyStart == 0 || s.charAt(keyStart - 1) != '*') {
      return false;
    }
    int dot = keyEnd - 1;
    while (dot > keyStart && s.charAt(dot) != '.') {
      dot--;
    }
    return dot > keyStart && CharClass.at(s, dot + 1, CharClass.UPPER);
  }

  /** Whether the '>' at {@code gt} may close the start tag of an element named for a secret. */
  boolean mayCloseSecretTag(String s, int gt) {
    return keys.mayEndSensitiveKey(s, gt);
  }

  /**
   * {@code <password>value</password>} (Maven settings.xml, .NET configs, SOAP dumps) with the start tag's
   * '>' at {@code gt}: the text up to the end tag, on a bounded window.
   */
  long element(String s, int gt) {
    int nameStart = CharClass.runStart(s, gt, gt - MAX_KEY, CharClass.KEY);
    if (nameStart == gt || nameStart == 0 || s.charAt(nameStart - 1) != '<') {
      return ScanResult.resumeAt(gt + 1);
    }
    int rule = ruleFor(s, nameStart, gt);
    if (rule < 0) {
      return ScanResult.resumeAt(gt + 1);
    }
    int limit = Math.min(s.length(), gt + 1 + MAX_QUOTED);
    int end = gt + 1;
    while (end < limit && s.charAt(end) != '<') {
      end++;
    }
    WorkMeter.add(end - gt);
    int vs = gt + 1;
    while (vs < end && CharClass.is(s.charAt(vs), CharClass.SPACE)) {
      vs++;
    }
    if (!CharClass.matches(s, end, "</") || vs == end || isPlaceholderOrMask(s, vs, end)
        || isTemplateText(s, vs, end)) {
      return ScanResult.resumeAt(gt + 1);
    }
    return ScanResult.match(rule, gt + 1, end);
  }

  /**
   * Build-tool text in an element named like a secret: a {@code $VAR$}/{@code ${var}}/{@code @var@} to be
   * replaced, or words with spaces (maven-replacer's {@code <token>static final int</token>}).
   */
  private static boolean isTemplateText(String s, int from, int to) {
    char first = s.charAt(from);
    if (first == '$' || first == '@' && s.charAt(to - 1) == '@' || first == '\\' && CharClass.matches(s, from + 1, "$")) {
      return true;
    }
    int last = to;
    while (last > from && CharClass.is(s.charAt(last - 1), CharClass.SPACE)) {
      last--;
    }
    for (int i = from; i < last; i++) {
      if (s.charAt(i) == ' ') {
        return true;
      }
    }
    return false;
  }

  private int ruleFor(String s, int keyStart, int keyEnd) {
    int cls = keys.classify(s, keyStart, keyEnd);
    if (cls == KeyClassifier.SECRET) {
      return isConnectionKey(s, keyStart, keyEnd) ? RuleIds.CONNECTION_STRING_SECRET : RuleIds.SENSITIVE_KEY;
    }
    if (cls == KeyClassifier.PII && strict) {
      return RuleIds.PII_KEY;
    }
    if (cls == KeyClassifier.SECRET_IF_RANDOM) {
      return IF_RANDOM;
    }
    if (isQueryParameter(s, keyStart) && keys.isQuerySecret(s, keyStart, keyEnd)) {
      return RuleIds.CONNECTION_STRING_SECRET;
    }
    return PairKeys.isPairValueKey(s, keyStart, keyEnd) && namesSecretBefore(s, keyStart)
        ? RuleIds.SENSITIVE_KEY : -1;
  }

  /**
   * The name half of a name/value pair right before the value key at {@code valueKeyStart}:
   * {@code name: DB_PASSWORD} (YAML env lists), {@code key="Password"} (.NET appSettings),
   * {@code "ParameterKey": "DbPassword",} (CloudFormation), where the name is a sensitive key. Reads back
   * over at most a few bounded runs.
   */
  private boolean namesSecretBefore(String s, int valueKeyStart) {
    int k = skipBack(s, valueKeyStart, " \t\r\n,\"'\\", MAX_PAIR_GAP);
    int nameStart = CharClass.runStart(s, k, k - MAX_KEY, CharClass.KEY);
    if (nameStart == k) {
      return false;
    }
    int sep = skipBack(s, nameStart, " \"'\\", 4);
    if (sep == 0 || s.charAt(sep - 1) != '=' && s.charAt(sep - 1) != ':') {
      return false;
    }
    int attrEnd = skipBack(s, sep - 1, " \"'\\", 4);
    int attrStart = CharClass.runStart(s, attrEnd, attrEnd - MAX_KEY, CharClass.KEY);
    return attrStart < attrEnd && PairKeys.isPairNameKey(s, attrStart, attrEnd)
        && keys.classify(s, nameStart, k) == KeyClassifier.SECRET;
  }

  private static int skipBack(String s, int from, String chars, int max) {
    int k = from;
    while (k > 0 && from - k < max && chars.indexOf(s.charAt(k - 1)) >= 0) {
      k--;
    }
    WorkMeter.add(from - k + 1);
    return k;
  }

  private static boolean isQueryParameter(String s, int keyStart) {
    return keyStart > 0 && (s.charAt(keyStart - 1) == '?' || s.charAt(keyStart - 1) == '&');
  }

  /** A password/account key right after ';', '?' or '&': inside a connection string or JDBC URL. */
  private static boolean isConnectionKey(String s, int keyStart, int keyEnd) {
    if (keyStart == 0 || ";?&".indexOf(s.charAt(keyStart - 1)) < 0) {
      return false;
    }
    for (String key : CONNECTION_KEYS) {
      if (alnumEqualsIgnoreCase(s, keyStart, keyEnd, key)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The value of a {@link KeyClassifier#SECRET_IF_RANDOM} key at the separator {@code p}: a run of token
   * chars (quoted, or ending where an unquoted value ends), masked only when it reads as random. Reads at
   * most {@link RandomValue#MAX_LENGTH} + 1 chars, so a failed look costs a bounded window.
   */
  private static long randomValue(String s, int p) {
    int n = s.length();
    int v = valueStart(s, p);
    if (v >= n) {
      return ScanResult.resumeAt(p + 1);
    }
    char c = s.charAt(v);
    boolean escaped = c == '\\' && CharClass.matches(s, v + 1, "\"");
    int vs = c == '"' || c == '\'' ? v + 1 : escaped ? v + 2 : v;
    int limit = Math.min(n, vs + RandomValue.MAX_LENGTH + 1);
    int ve = vs;
    int pad = 0;
    // '=' only as base64 padding at the end, so the read stops at the next key=value's '='
    while (ve < limit && RandomValue.isTokenChar(s.charAt(ve)) && (s.charAt(ve) == '=' ? ++pad <= 2 : pad == 0)) {
      ve++;
    }
    WorkMeter.add(ve - vs + 1);
    boolean ends = vs == v ? endsUnquoted(s, ve) : escaped ? CharClass.matches(s, ve, "\\\"") : ve < n && s.charAt(ve) == c;
    while (vs == v && ve > vs && s.charAt(ve - 1) == '.') {
      ve--; // a sentence's '.' after an unquoted value
    }
    return ends && RandomValue.looksRandom(s, vs, ve) ? ScanResult.match(RuleIds.SENSITIVE_KEY, vs, ve)
        : ScanResult.resumeAt(p + 1);
  }

  /** An unquoted value may end at {@code ve}: the text's end, a blank, punctuation or a sentence's '.'. */
  private static boolean endsUnquoted(String s, int ve) {
    int n = s.length();
    return ve == n || CharClass.is(s.charAt(ve), CharClass.VALUE_END) || s.charAt(ve) <= ' '
        || s.charAt(ve) == '.' && (ve + 1 == n || s.charAt(ve + 1) <= ' ');
  }

  /** Where a value starts after the separator at {@code p}: past {@code =>} (PHP and Ruby hashes) and blanks. */
  private static int valueStart(String s, int p) {
    int n = s.length();
    // PHP and Ruby hashes: 'secret_key' => 'value', :api_key => "value"
    int v = s.charAt(p) == '=' && CharClass.matches(s, p + 1, ">") ? p + 2 : p + 1;
    while (v < n && v - p <= 8 && (s.charAt(v) == ' ' || s.charAt(v) == '\t')) {
      v++;
    }
    return v;
  }

  private long value(String s, int p, int rule, int keyStart, int keyEnd) {
    int n = s.length();
    int v = valueStart(s, p);
    if (v >= n) {
      return ScanResult.resumeAt(p + 1);
    }
    char c = s.charAt(v);
    int vs;
    int ve = -1;
    if (c == '"' || c == '\'') {
      vs = v + 1;
      ve = closingQuote(s, vs, c);
    } else if (c == '\\' && CharClass.matches(s, v + 1, "\"")) {
      vs = v + 2;
      int close = s.indexOf("\\\"", vs);
      WorkMeter.add((close < 0 ? n : close) - vs + 1);
      ve = close >= 0 && close - vs <= MAX_QUOTED ? close : -1;
    } else if (c == '{' || c == '[') {
      return ScanResult.resumeAt(p + 1);
    } else {
      vs = v;
      if (rule == RuleIds.PII_KEY && startsIdentifierPair(s, vs)) {
        // user: trace_id=4bf9... names its own value: the pair is judged by its own key, not taken as a user
        return ScanResult.resumeAt(p + 1);
      }
    }
    if (PemBlock.startsAt(s, vs)) {
      // A private key under its key (private_key: -----BEGIN ...) spans lines: the PEM rule takes it whole.
      long pem = PemBlock.match(s, vs);
      if (ScanResult.isMatch(pem)) {
        return pem;
      }
    }
    boolean cookie = endsWithIgnoreCase(s, keyEnd, "cookie");
    if (endsWithIgnoreCase(s, keyEnd, "authorization")) {
      int afterScheme = afterAuthScheme(s, vs);
      if (afterScheme > vs) {
        vs = afterScheme;
        rule = RuleIds.AUTHORIZATION_HEADER;
      }
    }
    if (ve < 0 && CharClass.matches(s, vs, "${")) {
      int close = s.indexOf('}', vs);
      if (close > 0 && close - vs < MAX_PLACEHOLDER) {
        return ScanResult.resumeAt(close + 1);
      }
    }
    if (ve < 0) {
      ve = unquotedEnd(s, vs, cookie);
      if (ve < n && s.charAt(ve) == '|' && CharClass.isDigit(s.charAt(vs))) {
        // a Facebook app token (access_token=<app id>|<secret>): '|' ends other values, not this one
        long app = TokenFamilies.digit(s, vs);
        ve = ScanResult.isMatch(app) ? Math.max(ve, ScanResult.end(app)) : ve;
      }
    }
    if (ve <= vs || isPlaceholderOrMask(s, vs, ve) || PairKeys.isWorkingDirectory(s, keyStart, keyEnd, s, vs)) {
      return ScanResult.resumeAt(p + 1);
    }
    return ScanResult.match(rule, vs, ve);
  }

  /**
   * Whether an unquoted value starting at {@code from} is itself a pair whose key names an identifier
   * ({@code trace_id=...}, {@code request-id: ...}): a key run right before '=' or ':'.
   */
  private boolean startsIdentifierPair(String s, int from) {
    int end = CharClass.runEnd(s, from, Math.min(s.length(), from + MAX_KEY), CharClass.KEY);
    return end > from && end < s.length() && (s.charAt(end) == '=' || s.charAt(end) == ':')
        && keys.classify(s, from, end) == KeyClassifier.IDENTIFIER;
  }

  /**
   * Whether a query parameter ({@code name=}) starts at {@code from}: a name of up to 64 key
   * characters followed by '='. Decides if an '&' ends a secret value (sanitize-first: when in doubt,
   * the '&' and what follows stay part of the redacted value).
   */
  private static boolean startsParameter(String s, int from) {
    int end = CharClass.runEnd(s, from, Math.min(s.length(), from + 64), CharClass.KEY);
    WorkMeter.add(end - from + 1);
    return end > from && end < s.length() && s.charAt(end) == '=';
  }

  private static int closingQuote(String s, int from, char quote) {
    int limit = Math.min(s.length(), from + MAX_QUOTED);
    int i = from;
    while (i < limit) {
      char c = s.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == quote || c == '\n') {
        break;
      }
      i++;
    }
    WorkMeter.add(i - from + 1);
    return i < limit && s.charAt(i) == quote ? i : -1;
  }

  static int unquotedEnd(String s, int from, boolean toLineEnd) {
    int n = s.length();
    int i = from;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '&' && !toLineEnd && !startsParameter(s, i + 1)) {
        i++; // '&' inside a secret (p&ss), not a query separator before "next=..."
        continue;
      }
      if (toLineEnd ? (c == '\n' || c == '\r' || c == '"') : CharClass.is(c, CharClass.VALUE_END)) {
        break;
      }
      if (c == '\\' && i + 1 < n && "\"nrt".indexOf(s.charAt(i + 1)) >= 0) {
        break;
      }
      i++;
    }
    WorkMeter.add(i - from + 1);
    return i;
  }

  private static int afterAuthScheme(String s, int vs) {
    for (String scheme : AUTH_SCHEMES) {
      int after = vs + scheme.length();
      if (CharClass.matchesIgnoreCase(s, vs, scheme) && CharClass.matches(s, after, " ")) {
        while (after < s.length() && s.charAt(after) == ' ') {
          after++;
        }
        return after;
      }
    }
    return vs;
  }

  private boolean isPlaceholderOrMask(String s, int vs, int ve) {
    int len = ve - vs;
    if (len == maskText.length() && CharClass.matches(s, vs, maskText)) {
      return true;
    }
    if (CharClass.matches(s, vs, "<redacted:") && s.charAt(ve - 1) == '>') {
      return true;
    }
    if (CharClass.matches(s, vs, "${") && s.charAt(ve - 1) == '}') {
      return true;
    }
    if ((len == 4 && (CharClass.matches(s, vs, "null") || CharClass.matches(s, vs, "true")))
        || (len == 5 && CharClass.matches(s, vs, "false"))) {
      return true;
    }
    for (int i = vs; i < ve; i++) {
      if (s.charAt(i) != '*') {
        return false;
      }
    }
    return true;
  }

  private static boolean endsWithIgnoreCase(String s, int end, String lower) {
    return end >= lower.length() && CharClass.matchesIgnoreCase(s, end - lower.length(), lower);
  }

  /** Compares only the alphanumerics of {@code s[from, to)} with a lower-case literal. */
  private static boolean alnumEqualsIgnoreCase(String s, int from, int to, String lower) {
    int k = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!CharClass.isAlnum(c)) {
        continue;
      }
      if (k >= lower.length() || CharClass.lower(c) != lower.charAt(k++)) {
        return false;
      }
    }
    return k == lower.length();
  }
}
