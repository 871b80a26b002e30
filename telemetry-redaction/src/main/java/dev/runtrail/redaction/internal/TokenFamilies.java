package dev.runtrail.redaction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Vendor token families declared as data: each shape is a literal, case-sensitive prefix and a sequence of
 * body segments (a char class with a length range, or a literal), written as a small spec such as
 * {@code "pplx- alnum{48}"}. The same spec drives the matcher and the example generator, so every family's
 * examples come from its own pattern.
 *
 * <p>Anchoring keeps the scanner's one-pass prefilter: a prefix with a '_' or '-' after two or more
 * alphanumerics anchors on such a separator (the gate, {@link PrefixEnds}, picks one per prefix and keeps
 * the four chars before it; the lookup finds the prefix at any of them); the others anchor on a rare pair at a token start ({@code LTAI}, {@code EZAK}, {@code GR1348941}),
 * on 'A' at a token start ({@code AKCp}, {@code ABSK}), on 'J' ({@code eyJrIjoi}), '~' ({@code sha256~}),
 * '.' ({@code dt0c01.}) or 'A' after digits and ':' (Telegram). A match needs a token boundary before the
 * prefix and after the body (no alphanumeric, no further char of the last class), every segment in its
 * range, and a body that is not a plain word: a digit or both letter cases somewhere in it.
 */
public final class TokenFamilies {
  /** How a shape is found by the scan (see the class comment). */
  enum Anchor { SEPARATOR, UPPER_A, PAIR, J, TILDE, DOT, TELEGRAM, SLASH, DIGIT }

  /**
   * Body checks beyond the shape: {@code MIXED_CASE} needs both letter cases; {@code NOT_BASE64_RUN} needs
   * the char after the body not to be '+', '/' or '=' (the shape's start inside a longer base64 payload);
   * {@code BASE64_JWT} needs the token to decode to a JWT's text ({@link Base64Jwt}).
   */
  enum Check { NONE, MIXED_CASE, NOT_BASE64_RUN, BASE64_JWT }

  /** One family: a catalog rule of its own, or more shapes for an existing rule ({@code name == null}). */
  record Family(int rule, String name, String description, List<Shape> shapes) {
    /** The specs joined, as the catalog's shape column shows them. */
    String spec() {
      StringBuilder b = new StringBuilder();
      for (Shape shape : shapes) {
        if (b.length() > 0) {
          b.append(" | ");
        }
        b.append(shape.spec);
      }
      return b.toString();
    }
  }

  /** A literal ({@code alphabet == null}) or {@code min..max} chars of {@code alphabet}. */
  record Segment(String literal, String alphabet, boolean[] members, int min, int max) {
    boolean has(char c) {
      return c < 128 && members[c];
    }
  }

  /** One token shape of a family. */
  static final class Shape {
    final int rule;
    final String spec;
    final String[] prefixes;
    final Segment[] segments;
    final Anchor anchor;
    final Check check;
    /** Indexes of the separators each prefix can anchor at, in order (SEPARATOR shapes), else none. */
    final int[][] separators;

    Shape(int rule, String spec, Anchor anchor, Check check) {
      this.rule = rule;
      this.spec = spec;
      this.anchor = anchor;
      this.check = check;
      String[] parts = spec.trim().split(" +");
      String[] written = parts[0].split("\\|");
      this.prefixes = new String[written.length];
      for (int i = 0; i < written.length; i++) {
        prefixes[i] = written[i].equals("^") ? "" : written[i]; // "^": no literal prefix (Telegram)
      }
      List<Segment> segs = new ArrayList<>();
      for (int i = 1; i < parts.length; i++) {
        segs.add(segment(parts[i], spec));
      }
      if (segs.stream().noneMatch(g -> g.alphabet() != null)) {
        throw new IllegalArgumentException("token shape '" + spec + "' needs a body class");
      }
      this.segments = segs.toArray(new Segment[0]);
      this.separators = new int[prefixes.length][];
      for (int p = 0; p < prefixes.length; p++) {
        separators[p] = anchor == Anchor.SEPARATOR ? separatorIndexes(prefixes[p], spec) : new int[0];
      }
    }
  }

  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  private static final String DIGITS = "0123456789";
  private static final String ALNUM = UPPER + LOWER + DIGITS;
  private static final String[][] CLASSES = {
    {"alnum", ALNUM},
    {"alpha", UPPER + LOWER},
    {"upalnum", UPPER + DIGITS},
    {"lodig", LOWER + DIGITS},
    {"hex", DIGITS + "abcdef"},
    {"anyhex", DIGITS + "abcdefABCDEF"},
    {"digits", DIGITS},
    {"b64url", ALNUM + "_-"},
    {"b64urlpad", ALNUM + "_-="},
    {"b64urldot", ALNUM + "_-=."},
    {"b64", ALNUM + "+/"},
    {"b64pad", ALNUM + "+/="},
    {"wordpad", ALNUM + "_="},
    {"updash", UPPER + DIGITS + "-"},
    {"alnumdash", ALNUM + "-"},
    {"b64any", ALNUM + "+/_=-"},
    {"pad", "="},
  };

  /** First rule id of the families with a catalog rule of their own. */
  public static final int FIRST_RULE = 49;

  private static final List<Family> FAMILIES = new ArrayList<>();
  private static final List<Shape> SHAPES = new ArrayList<>();

  static {
    // The families reported missing in free text (issue 20), then the rest of the distinct-prefix families.
    add("alibaba-access-key-id", "Alibaba Cloud AccessKey IDs.", Anchor.PAIR, "LTAI alnum{20}");
    add("artifactory-api-key", "JFrog Artifactory API keys.", Anchor.UPPER_A, "AKCp alnum{69}");
    add("aws-bedrock-api-key", "Amazon Bedrock API keys, long-term (ABSK) and short-term.",
        new Shape(-1, "ABSKQmVkcm9ja0FQSUtleS b64{100,300} pad{0,2}", Anchor.UPPER_A, Check.NONE),
        new Shape(-1, "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t b64{50,3000} pad{0,2}", Anchor.SEPARATOR,
            Check.NONE));
    add("onepassword-token", "1Password service account tokens and account secret keys.",
        new Shape(-1, "ops_eyJ b64{250,4096} pad{0,3}", Anchor.SEPARATOR, Check.NONE),
        new Shape(-1, "A3- upalnum{6} - updash{29,30}", Anchor.UPPER_A, Check.NONE));
    add("dynatrace-api-token", "Dynatrace API tokens.", Anchor.DOT, "dt0c01. alnum{24} . alnum{64}");
    add("flyio-token", "Fly.io access, macaroon and org tokens.",
        new Shape(-1, "fm2_|fm1a_|fm1r_ b64{100,4096} pad{0,3}", Anchor.SEPARATOR, Check.NONE),
        new Shape(-1, "fo1_ b64url{43}", Anchor.SEPARATOR, Check.NONE));
    extra(RuleIds.GITLAB_TOKEN, Anchor.PAIR, "GR1348941 b64url{20,64}");
    extra(RuleIds.GITLAB_TOKEN, Anchor.SEPARATOR, "_gitlab_session= lodig{32}");
    extra(RuleIds.GRAFANA_TOKEN, Anchor.J, "eyJrIjoi alnum{70,400} pad{0,3}");
    add("openshift-user-token", "OpenShift OAuth user tokens.", Anchor.TILDE, "sha256~ b64url{43}");
    add("perplexity-api-key", "Perplexity API keys.", Anchor.SEPARATOR, "pplx- alnum{48}");
    add("planetscale-token", "PlanetScale service tokens, passwords and OAuth tokens.", Anchor.SEPARATOR,
        "pscale_tkn_|pscale_pw_|pscale_oauth_ b64urldot{32,64}");
    add("prefect-api-key", "Prefect Cloud API keys.", Anchor.SEPARATOR, "pnu_ alnum{36}");
    add("pulumi-access-token", "Pulumi access tokens.", Anchor.SEPARATOR, "pul- hex{40}");
    add("rubygems-api-key", "RubyGems.org API keys.", Anchor.SEPARATOR, "rubygems_ hex{48}");
    add("sentry-token", "Sentry user auth tokens and organization tokens.",
        new Shape(-1, "sntryu_ hex{64}", Anchor.SEPARATOR, Check.NONE),
        new Shape(-1, "sntrys_eyJpYXQiO b64pad{20,600} _ b64{43}", Anchor.SEPARATOR, Check.NONE));
    add("sourcegraph-token", "Sourcegraph access tokens.", Anchor.SEPARATOR,
        "sgp_ anyhex{16} _ anyhex{40}", "sgp_local_ anyhex{40}", "sgp_ anyhex{40}");
    add("square-token", "Square access tokens and application secrets.",
        new Shape(-1, "sq0atp- b64url{22,60}", Anchor.SEPARATOR, Check.NONE),
        new Shape(-1, "sq0csp- b64url{43}", Anchor.SEPARATOR, Check.NONE),
        new Shape(-1, "EAAA b64url{22,60}", Anchor.PAIR, Check.NOT_BASE64_RUN));
    add("brevo-api-key", "Brevo (Sendinblue) API and SMTP keys.", Anchor.SEPARATOR,
        "xkeysib-|xsmtpsib- hex{64} - alnum{16}");
    add("shippo-api-token", "Shippo live and test API tokens.", Anchor.SEPARATOR,
        "shippo_live_|shippo_test_ anyhex{40}");
    add("flutterwave-key", "Flutterwave secret keys and encryption keys.", Anchor.SEPARATOR,
        "FLWSECK_TEST-|FLWSECK- anyhex{32} -X", "FLWSECK_TEST-|FLWSECK_TEST anyhex{12}");
    add("easypost-api-key", "EasyPost production and test API keys.", Anchor.PAIR, "EZAK|EZTK alnum{54}");
    add("contentful-token", "Contentful personal access tokens.", Anchor.SEPARATOR, "CFPAT- b64url{43}");
    add("figma-token", "Figma personal access tokens.", Anchor.SEPARATOR, "figd_ b64url{40,64}");
    add("frameio-token", "Frame.io API tokens.", Anchor.SEPARATOR, "fio-u- b64urlpad{64}");
    add("adafruit-io-key", "Adafruit IO keys.", Anchor.SEPARATOR, "aio_ alnum{28}");
    add("clojars-token", "Clojars deploy tokens.", Anchor.SEPARATOR, "CLOJARS_ alnum{60}");
    add("duffel-token", "Duffel live and test API tokens.", Anchor.SEPARATOR,
        "duffel_live_|duffel_test_ b64urlpad{43}");
    add("readme-api-key", "ReadMe API keys.", Anchor.SEPARATOR, "rdme_ lodig{70}");
    add("scalingo-token", "Scalingo API tokens.", Anchor.SEPARATOR, "tk-us- b64url{48}");
    add("typeform-token", "Typeform personal access tokens.", Anchor.SEPARATOR, "tfp_ b64urldot{59}");
    add("notion-token", "Notion integration tokens (ntn_ and the legacy secret_).", Anchor.SEPARATOR,
        "ntn_ digits{11} alnum{35}", "secret_ alnum{43}");
    add("groq-api-key", "Groq API keys.", Anchor.SEPARATOR, "gsk_ alnum{52}");
    add("xai-api-key", "xAI (Grok) API keys.", Anchor.SEPARATOR, "xai- alnum{80}");
    add("replicate-token", "Replicate API tokens.", Anchor.SEPARATOR, "r8_ alnum{37}");
    add("langsmith-api-key", "LangSmith personal and service keys.", Anchor.SEPARATOR,
        "lsv2_pt_|lsv2_sk_ hex{32} _ hex{10}");
    add("tavily-api-key", "Tavily API keys.", Anchor.SEPARATOR, "tvly-dev-|tvly- alnum{32}");
    add("openrouter-api-key", "OpenRouter API keys.", Anchor.SEPARATOR, "sk-or-v1- hex{64}");
    add("supabase-token", "Supabase personal access tokens and secret API keys.", Anchor.SEPARATOR,
        "sbp_ hex{40}", "sb_secret_ b64url{30,64}");
    add("netlify-token", "Netlify personal access tokens.", Anchor.SEPARATOR, "nfp_ alnum{36}");
    add("neon-api-key", "Neon API keys.", Anchor.SEPARATOR, "napi_ lodig{64}");
    add("buildkite-token", "Buildkite user access tokens.", Anchor.SEPARATOR, "bkua_ hex{40}");
    add("circleci-token", "CircleCI personal API tokens.", Anchor.SEPARATOR, "CCIPAT_ alnum{22} _ hex{40}");
    add("hubspot-token", "HubSpot private app access tokens.", Anchor.SEPARATOR,
        "pat-na1-|pat-eu1- hex{8} - hex{4} - hex{4} - hex{4} - hex{12}");
    add("infracost-api-key", "Infracost API keys.", Anchor.SEPARATOR, "ico- alnum{32}");
    add("defined-networking-token", "Defined Networking API tokens.", Anchor.SEPARATOR,
        "dnkey- wordpad{26} - b64urlpad{52}");
    add("intra42-client-secret", "42 (Intra) OAuth client secrets.", Anchor.SEPARATOR,
        "s-s4t2ud-|s-s4t2af- hex{64}");
    add("telegram-bot-token", "Telegram bot tokens.", Anchor.TELEGRAM, "^ digits{5,16} :A b64url{34}");
    add("octopus-deploy-api-key", "Octopus Deploy API keys.", Anchor.SEPARATOR, "API- upalnum{26}");
    add("yandex-api-key", "Yandex Cloud API keys.", Anchor.UPPER_A, "AQVN b64url{35,38}");
    add("facebook-access-token", "Facebook (Meta) page, user and app access tokens.",
        new Shape(-1, "EAAC|EAAM alnum{100,400}", Anchor.PAIR, Check.NONE),
        // an app access token is the app id, '|' (or %7C in a URL) and the app secret (32 hex)
        new Shape(-1, "^ digits{15,16} | hex{32}", Anchor.DIGIT, Check.NONE),
        new Shape(-1, "^ digits{15,16} %7C hex{32}", Anchor.DIGIT, Check.NONE));
    add("pinecone-api-key", "Pinecone API keys.", Anchor.SEPARATOR, "pcsk_ alnum{4,8} _ alnum{50,80}");
    add("render-api-key", "Render API keys.", Anchor.SEPARATOR, "rnd_ alnum{32}");
    add("adobe-client-secret", "Adobe OAuth client secrets.", Anchor.SEPARATOR, "p8e- alnum{32}");
    add("settlemint-token", "SettleMint personal, application and service access tokens.", Anchor.SEPARATOR,
        "sm_pat_|sm_aat_|sm_sat_ alnum{16}");
    add("deno-deploy-token", "Deno Deploy access tokens.", Anchor.SEPARATOR, "ddp_|ddo_ alnum{36}");
    add("tailscale-key", "Tailscale API, auth, OAuth client, SCIM and webhook keys.", Anchor.SEPARATOR,
        "tskey-api-|tskey-auth-|tskey-client-|tskey-scim-|tskey-webhook- alnum{6,20} - alnum{20,64}");
    // Misses of the second gitleaks-format evaluation (issue 20).
    add("authress-access-key", "Authress service client access keys.", Anchor.SEPARATOR,
        "sc_|ext_|scauth_|authress_ alnum{5,30} . alnum{4,6} .acc_ alnumdash{10,32} . b64any{30,120}",
        "sc_|ext_|scauth_|authress_ alnum{5,30} . alnum{4,6} .acc- alnumdash{10,32} . b64any{30,120}");
    add("microsoft-teams-webhook", "Microsoft Teams incoming webhook URLs (the path after webhookb2/; the host stays).",
        new Shape(-1, "webhookb2/ anyhex{8} - anyhex{4} - anyhex{4} - anyhex{4} - anyhex{12} @ anyhex{8} - anyhex{4} - anyhex{4} - anyhex{4} - anyhex{12} /IncomingWebhook/ anyhex{32} / anyhex{8} - anyhex{4} - anyhex{4} - anyhex{4} - anyhex{12} /V2 b64url{20,100}", Anchor.SLASH, Check.NONE),
        new Shape(-1, "webhookb2/ anyhex{8} - anyhex{4} - anyhex{4} - anyhex{4} - anyhex{12} @ anyhex{8} - anyhex{4} - anyhex{4} - anyhex{4} - anyhex{12} /IncomingWebhook/ anyhex{32} / anyhex{8} - anyhex{4} - anyhex{4} - anyhex{4} - anyhex{12}", Anchor.SLASH, Check.NONE));
    add("jwt-base64", "Base64-encoded JSON Web Tokens (ZXlK is the base64 of eyJ), as in Kubernetes secrets.",
        new Shape(-1, "ZXlK b64{60,8000} pad{0,2}", Anchor.PAIR, Check.BASE64_JWT));
    add("plaid-access-token", "Plaid access tokens.", Anchor.SEPARATOR,
        "access-sandbox-|access-development-|access-production- hex{8} - hex{4} - hex{4} - hex{4} - hex{12}");
    // Third round (issue 20): ClickHouse Cloud, Yandex Cloud IAM tokens, Dropbox short-lived tokens.
    add("clickhouse-cloud-api-key", "ClickHouse Cloud API secret keys.",
        new Shape(-1, "4b1d alnum{38}", Anchor.DIGIT, Check.MIXED_CASE));
    add("yandex-iam-token", "Yandex Cloud IAM tokens.", Anchor.DOT,
        "t1. b64url{20,1000} pad{0,2} . b64url{86} pad{0,2}");
    add("dropbox-short-lived-token", "Dropbox short-lived access tokens.", Anchor.DOT, "sl. b64urlpad{130,152}");
    extra(RuleIds.HUGGINGFACE_TOKEN, Anchor.SEPARATOR, "api_org_ alpha{34}", Check.MIXED_CASE);
    extra(RuleIds.STRIPE_SECRET_KEY, Anchor.SEPARATOR, "sk_prod_|rk_prod_ alnum{10,99}");
  }

  /** Count of rules these families add to the catalog. */
  public static final int RULE_COUNT = (int) FAMILIES.stream().filter(f -> f.name != null).count();

  private static final String[] NAMES =
      FAMILIES.stream().filter(f -> f.name != null).map(Family::name).toArray(String[]::new);
  private static final Shape[][] BY_SEPARATOR_END = new Shape[2 * 128 * 128][];
  private static final Shape[] UPPER_A = group(Anchor.UPPER_A);
  private static final Shape[] PAIR = group(Anchor.PAIR);
  private static final Shape[] J = group(Anchor.J);
  private static final Shape[] TILDE = group(Anchor.TILDE);
  private static final Shape[] DOT = group(Anchor.DOT);
  private static final Shape[] TELEGRAM = group(Anchor.TELEGRAM);
  private static final Shape[] SLASH = group(Anchor.SLASH);
  private static final Shape[] DIGIT = group(Anchor.DIGIT);

  static {
    for (Shape shape : SHAPES) {
      for (int p = 0; p < shape.prefixes.length; p++) {
        String prefix = shape.prefixes[p];
        for (int k : shape.separators[p]) {
          int slot = separatorSlot(prefix.charAt(k), prefix.charAt(k - 2), prefix.charAt(k - 1));
          Shape[] old = BY_SEPARATOR_END[slot];
          if (old == null) {
            BY_SEPARATOR_END[slot] = new Shape[] {shape};
          } else if (!List.of(old).contains(shape)) {
            Shape[] grown = java.util.Arrays.copyOf(old, old.length + 1);
            grown[old.length] = shape;
            BY_SEPARATOR_END[slot] = grown;
          }
        }
      }
    }
  }

  private TokenFamilies() {}

  private static void add(String name, String description, Anchor anchor, String... specs) {
    Shape[] shapes = new Shape[specs.length];
    for (int i = 0; i < specs.length; i++) {
      shapes[i] = new Shape(-1, specs[i], anchor, Check.NONE);
    }
    add(name, description, shapes);
  }

  private static void add(String name, String description, Shape... templates) {
    int rule = FIRST_RULE + (int) FAMILIES.stream().filter(f -> f.name != null).count();
    List<Shape> shapes = new ArrayList<>();
    for (Shape t : templates) {
      shapes.add(new Shape(rule, t.spec, t.anchor, t.check));
    }
    FAMILIES.add(new Family(rule, name, description, List.copyOf(shapes)));
    SHAPES.addAll(shapes);
  }

  private static void extra(int rule, Anchor anchor, String spec) {
    extra(rule, anchor, spec, Check.NONE);
  }

  private static void extra(int rule, Anchor anchor, String spec, Check check) {
    Shape shape = new Shape(rule, spec, anchor, check);
    FAMILIES.add(new Family(rule, null, null, List.of(shape)));
    SHAPES.add(shape);
  }

  private static Shape[] group(Anchor anchor) {
    return SHAPES.stream().filter(s -> s.anchor == anchor).toArray(Shape[]::new);
  }

  private static Segment segment(String token, String spec) {
    int brace = token.indexOf('{');
    if (brace > 0 && token.endsWith("}")) {
      String name = token.substring(0, brace);
      for (String[] c : CLASSES) {
        if (c[0].equals(name)) {
          String[] range = token.substring(brace + 1, token.length() - 1).split(",", -1);
          int min = Integer.parseInt(range[0]);
          int max = range.length == 1 ? min : Integer.parseInt(range[1]);
          boolean[] members = new boolean[128];
          for (char ch : c[1].toCharArray()) {
            members[ch] = true;
          }
          return new Segment(null, c[1], members, min, max);
        }
      }
      throw new IllegalArgumentException("token shape '" + spec + "': unknown class '" + name + "'");
    }
    return new Segment(token, null, null, 0, 0);
  }

  /** Every '_' (after 2+ alphanumerics) and '-' (after 2+ alphanumerics, a letter last) of a prefix. */
  private static int[] separatorIndexes(String prefix, String spec) {
    int[] found = new int[prefix.length()];
    int count = 0;
    for (int k = 2; k < prefix.length(); k++) {
      char c = prefix.charAt(k);
      boolean twoBefore = CharClass.isAlnum(prefix.charAt(k - 1)) && CharClass.isAlnum(prefix.charAt(k - 2));
      if (twoBefore && (c == '_' || c == '-' && CharClass.is(prefix.charAt(k - 1), CharClass.ALPHA))) {
        found[count++] = k;
      }
    }
    if (count == 0) {
      throw new IllegalArgumentException("token shape '" + spec + "': prefix '" + prefix + "' has no separator anchor");
    }
    return java.util.Arrays.copyOf(found, count);
  }

  private static int separatorSlot(char sep, char a, char b) {
    return (sep == '_' ? 0 : 128 * 128) | a << 7 | b;
  }

  /**
   * Windows for {@link PrefixEnds}, per separator prefix, one at each of its separators: the four chars
   * before it ('^' where the prefix starts, a token boundary; '.' before that) and the separator.
   */
  static List<List<String>> separatorWindows() {
    List<List<String>> prefixes = new ArrayList<>();
    for (Shape shape : SHAPES) {
      for (int p = 0; p < shape.prefixes.length; p++) {
        String prefix = shape.prefixes[p];
        List<String> windows = new ArrayList<>();
        for (int k : shape.separators[p]) {
          windows.add("" + before(prefix, k - 4) + before(prefix, k - 3) + prefix.substring(k - 2, k + 1));
        }
        if (!windows.isEmpty()) {
          prefixes.add(windows);
        }
      }
    }
    return prefixes;
  }

  private static char before(String prefix, int p) {
    return p >= 0 ? prefix.charAt(p) : p == -1 ? '^' : '.';
  }

  /** The shapes whose prefix has its anchoring separator at {@code sep}. */
  static long atSeparator(String s, int sep) {
    if (sep < 2) {
      return ScanResult.resumeAt(sep + 1);
    }
    char a = s.charAt(sep - 2);
    char b = s.charAt(sep - 1);
    if ((a | b) >= 128) {
      return ScanResult.resumeAt(sep + 1);
    }
    Shape[] candidates = BY_SEPARATOR_END[separatorSlot(s.charAt(sep), a, b)];
    long best = ScanResult.resumeAt(sep + 1);
    if (candidates != null) {
      // The match starting first wins: sb_secret_... is Supabase's, not Notion's secret_ inside it.
      for (Shape shape : candidates) {
        for (int p = 0; p < shape.prefixes.length; p++) {
          for (int k : shape.separators[p]) {
            if (sep - k >= 0 && shape.prefixes[p].charAt(k) == s.charAt(sep)) {
              long r = matchPrefix(shape, p, s, sep - k);
              if (ScanResult.isMatch(r) && (!ScanResult.isMatch(best) || ScanResult.start(r) < ScanResult.start(best))) {
                best = r;
              }
            }
          }
        }
      }
    }
    return best;
  }

  /** 'A' at a token start {@code a}: AKCp, ABSK, A3-, AQVN. */
  static long upperA(String s, int a) {
    return first(UPPER_A, s, a);
  }

  /**
   * The scanner's gate for 'A' at {@code a} after {@code prev} (not alphanumeric): {@code AKCp}, {@code ABSK},
   * {@code A3-}, {@code AQVN}, or a Telegram token's {@code <digits>:A}.
   */
  static boolean mayStartAtA(String s, int a, char prev) {
    char c = s.charAt(a + 1);
    return c == 'K' || c == 'B' || c == '3' || c == 'Q' || prev == ':' && a >= 2 && CharClass.isDigit(s.charAt(a - 2));
  }

  /** True when {@code prefix} ends right before {@code i} ({@code dt0c01} before '.', {@code sha256} before '~'). */
  static boolean endsPrefix(String s, int i, String prefix) {
    return i >= prefix.length() && CharClass.matches(s, i - prefix.length(), prefix);
  }

  /** The first char {@code f} of a rare pair at a token start: LTAI, EZAK/EZTK, EAAA/EAAC/EAAM, GR1348941, ZXlK. */
  static long pair(String s, int f) {
    return first(PAIR, s, f);
  }

  /** True when the two chars at {@code f} may start a pair-anchored prefix (the scanner's inlined gate). */
  static boolean mayStartPair(String s, int f) {
    if (f + 2 >= s.length()) {
      return false;
    }
    char a = s.charAt(f);
    char b = s.charAt(f + 1);
    char c = s.charAt(f + 2);
    return a == 'L' && b == 'T' && c == 'A' || a == 'E' && (b == 'Z' || b == 'A' && c == 'A') || a == 'G' && b == 'R'
        && c == '1' || a == 'Z' && b == 'X' && c == 'l';
  }

  /** 'J' of {@code eyJrIjoi} at {@code e} (its 'e'): Grafana API keys. */
  static long j(String s, int e) {
    return first(J, s, e);
  }

  /** '~' of {@code sha256~}, the prefix starting at {@code start}. */
  static long tilde(String s, int start) {
    return first(TILDE, s, start);
  }

  /** '.' of {@code dt0c01.}, the prefix starting at {@code start}. */
  static long dot(String s, int start) {
    return first(DOT, s, start);
  }

  /** '/' ending {@code webhookb2/} (Microsoft Teams webhooks), the prefix starting at {@code start}. */
  static long slash(String s, int start) {
    return first(SLASH, s, start);
  }

  /**
   * The scanner's gate at a digit {@code d} that starts a token: {@code 4b1d} (ClickHouse Cloud) or a run of
   * 15-16 digits ending at a '|' or '%' (a Facebook app id and its secret); the matcher checks the rest.
   */
  static boolean mayStartAtDigit(String s, int d) {
    return mayStartAtDigits(s, d, CardNumbers.digitsEnd(s, d + 1, s.length()));
  }

  /**
   * {@link #mayStartAtDigit} when the digit run from {@code d} ends at {@code e} (the scanner measures it
   * anyway): one look at the char after the run rejects nearly every number.
   */
  static boolean mayStartAtDigits(String s, int d, int e) {
    if (e >= s.length()) {
      return false;
    }
    char c = s.charAt(e);
    if (c == 'b') {
      return e == d + 1 && s.charAt(d) == '4' && CharClass.matches(s, e + 1, "1d");
    }
    return isFacebookSeparator(c) && (e - d == 15 || e - d == 16);
  }

  private static boolean isFacebookSeparator(char c) {
    return c == '|' || c == '%';
  }

  /** A digit at {@code d}, a token start: ClickHouse Cloud keys, Facebook app access tokens. */
  static long digit(String s, int d) {
    return first(DIGIT, s, d);
  }

  /** Telegram bot tokens: the 'A' at {@code a} follows ':' and the bot id's digits. */
  static long telegram(String s, int a) {
    int start = CharClass.runStart(s, a - 1, Math.max(0, a - 18), CharClass.DIGIT);
    return first(TELEGRAM, s, start);
  }

  private static long first(Shape[] shapes, String s, int start) {
    for (Shape shape : shapes) {
      for (int p = 0; p < shape.prefixes.length; p++) {
        long r = matchPrefix(shape, p, s, start);
        if (ScanResult.isMatch(r)) {
          return r;
        }
      }
    }
    return ScanResult.resumeAt(start + 1);
  }

  private static long matchPrefix(Shape shape, int p, String s, int start) {
    String prefix = shape.prefixes[p];
    int n = s.length();
    if (start < 0 || start > 0 && CharClass.isAlnum(s.charAt(start - 1)) || !s.startsWith(prefix, start)) {
      return ScanResult.resumeAt(Math.max(start, 0) + 1);
    }
    int at = start + prefix.length();
    Segment last = null;
    boolean digit = false;
    boolean upper = false;
    boolean lower = false;
    Segment[] segments = shape.segments;
    for (int i = 0; i < segments.length; i++) {
      Segment g = segments[i];
      if (g.alphabet == null) {
        if (!s.startsWith(g.literal, at)) {
          return ScanResult.resumeAt(start + 1);
        }
        at += g.literal.length();
        last = null;
        continue;
      }
      // A segment followed by another takes at most its max and leaves the rest to the next one
      // (ntn_ digits{11} alnum{35}: a 12th digit begins the alnum part); the last one may not run over.
      int over = i == segments.length - 1 ? 1 : 0;
      int limit = g.max >= n - at ? n : at + g.max + over;
      int e = at;
      while (e < limit && g.has(s.charAt(e)) && !(over == 1 && isSentenceDot(s, e, g))) {
        char c = s.charAt(e);
        digit |= c >= '0' && c <= '9';
        upper |= c >= 'A' && c <= 'Z';
        lower |= c >= 'a' && c <= 'z';
        e++;
      }
      WorkMeter.add(e - at);
      if (e - at < g.min || e - at > g.max) {
        return ScanResult.resumeAt(start + 1);
      }
      at = e;
      last = g.min == 0 && g.alphabet.equals("=") ? last : g;
    }
    if (at < n && (CharClass.isAlnum(s.charAt(at)) || last != null && last.has(s.charAt(at))
        && !isSentenceDot(s, at, last)) || shape.check == Check.NOT_BASE64_RUN && at < n && isBase64Only(s.charAt(at))) {
      return ScanResult.resumeAt(start + 1);
    }
    boolean random = shape.check == Check.MIXED_CASE ? upper && lower : digit || upper && lower;
    if (random && shape.check == Check.BASE64_JWT && !Base64Jwt.decodesToJwt(s, start, at)) {
      return ScanResult.resumeAt(start + 1);
    }
    return random ? ScanResult.match(shape.rule, start, at) : ScanResult.resumeAt(start + 1);
  }

  /**
   * True when the '.' at {@code e} ends a sentence rather than continuing a body whose class has '.': the
   * text ends there or the char after it is not of the class, as in {@code "the key is tfp_xxx."} and
   * {@code "tfp_xxx. Rotate it"}. The body's last segment stops before such a dot.
   */
  private static boolean isSentenceDot(String s, int e, Segment g) {
    return s.charAt(e) == '.' && (e + 1 >= s.length() || !g.has(s.charAt(e + 1)));
  }

  private static boolean isBase64Only(char c) {
    return c == '+' || c == '/' || c == '=';
  }

  // ---- the catalog side ----

  /** The families with a rule of their own, in rule id order. */
  public static List<String[]> catalogRules() {
    List<String[]> rules = new ArrayList<>();
    for (Family f : FAMILIES) {
      if (f.name != null) {
        rules.add(new String[] {f.name, f.description, f.spec()});
      }
    }
    return rules;
  }

  /** The name of family rule {@code rule}. */
  static String name(int rule) {
    if (rule < FIRST_RULE || rule >= FIRST_RULE + NAMES.length) {
      throw new IllegalArgumentException("no token family rule with id " + rule);
    }
    return NAMES[rule - FIRST_RULE];
  }

  /** The specs of every shape for {@code rule} (its own family and extra shapes of existing rules). */
  public static List<String> specs(int rule) {
    List<String> specs = new ArrayList<>();
    for (Shape shape : SHAPES) {
      if (shape.rule == rule) {
        specs.add(shape.spec);
      }
    }
    return specs;
  }

  /** A fresh example of one of {@code rule}'s shapes, generated from the shape's spec. */
  public static String example(int rule, RandomGenerator rnd) {
    List<Shape> shapes = new ArrayList<>();
    for (Shape shape : SHAPES) {
      if (shape.rule == rule) {
        shapes.add(shape);
      }
    }
    if (shapes.isEmpty()) {
      throw new IllegalArgumentException("no token family shape for rule id " + rule);
    }
    return example(shapes.get(rnd.nextInt(shapes.size())), rnd);
  }

  /** A fresh example of the shape written as {@code spec} (one of {@link #specs}). */
  public static String exampleOf(String spec, RandomGenerator rnd) {
    for (Shape shape : SHAPES) {
      if (shape.spec.equals(spec)) {
        return example(shape, rnd);
      }
    }
    throw new IllegalArgumentException("no token shape '" + spec + "'");
  }

  private static String example(Shape shape, RandomGenerator rnd) {
    if (shape.check == Check.BASE64_JWT) {
      return Base64Jwt.example(rnd);
    }
    for (int attempt = 0; ; attempt++) {
      StringBuilder b = new StringBuilder(shape.prefixes[rnd.nextInt(shape.prefixes.length)]);
      for (Segment g : shape.segments) {
        if (g.alphabet == null) {
          b.append(g.literal);
          continue;
        }
        int span = Math.min(g.max, g.min + 24) - g.min;
        int length = g.min + (span > 0 ? rnd.nextInt(span + 1) : 0);
        for (int i = 0; i < length; i++) {
          b.append(g.alphabet.charAt(rnd.nextInt(g.alphabet.length())));
        }
      }
      String token = b.toString();
      if (matchesWhole(shape, token)) {
        return token; // else a draw that reads as a plain word: draw again
      }
      if (attempt >= 1000) {
        throw new IllegalStateException("no example for token shape '" + shape.spec + "'");
      }
    }
  }

  private static boolean matchesWhole(Shape shape, String token) {
    for (int p = 0; p < shape.prefixes.length; p++) {
      long r = matchPrefix(shape, p, token, 0);
      if (ScanResult.isMatch(r) && ScanResult.end(r) == token.length()) {
        return true;
      }
    }
    return false;
  }
}
