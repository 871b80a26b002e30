package dev.runtrail.redaction.internal;

import java.util.Arrays;
import java.util.List;

/**
 * The scanner's inlined gate for vendor prefixes that end with a separator ({@code ghp_}, {@code glpat-}):
 * one load tells whether the two chars before the separator can end a known prefix; only then are the two
 * chars before those compared with what such prefixes have there. {@code created_at}, {@code task_id},
 * {@code error_code}, {@code api_key} and {@code api-gateway} are turned away here instead of in the
 * matcher.
 *
 * <p>A window is written as the four chars before the separator and the separator: {@code ".ghp_"},
 * {@code "napi_"}; {@code '^'} stands for a token boundary (no alphanumeric, or the start of the text: the
 * prefix starts after it), {@code '.'} for any char.
 *
 * <p>A token family prefix ({@link TokenFamilies#separatorWindows} gives a window at each separator it can
 * be found at) needs one window: one the gates let through already costs nothing; else the first with four
 * chars of the prefix. A window that reaches the prefix's start asks only for a short word as a whole token
 * ({@code ^api_}, {@code .^tk-}, {@code .^sm_}), and identifiers are full of those ({@code api_key},
 * {@code api_url}), so {@code api_org_} is gated at {@code _org_}, {@code tk-us-} at {@code k-us-},
 * {@code pscale_tkn_} at {@code cale_}, while {@code sk_prod_} and {@code sgp_local_} stay at {@code sk_}
 * and {@code sgp_}, which other prefixes need anyway. A prefix without a four-char window ({@code ops_},
 * {@code pat-}) takes its last.
 */
final class PrefixEnds {
  static final PrefixEnds UNDERSCORE = new PrefixEnds();
  static final PrefixEnds DASH = new PrefixEnds();

  /**
   * The hand-written vendors' prefixes ({@link VendorTokens} and its kin). No fourth char: a GitHub or npm
   * token may be glued to what precedes it.
   */
  private static final String[] VENDOR_WINDOWS = {
    ".ghp_", ".gho_", ".ghu_", ".ghs_", ".ghr_", ".hub_", // ghp_ ... github_
    ".^sk_", ".^rk_", ".sec_", ".npm_", ".^hf_", ".dop_", ".doo_", ".dor_", // sk_ rk_ whsec_ npm_ hf_ dop_ ...
    ".pat_", ".pss_", ".pca_", ".ppa_", ".lsa_", ".glc_", ".ckr_", ".lin_", // shpat_ ... glsa_ glc_ dckr_ lin_
    "..at-", ".ldt-", ".ptt-", ".lrt-", ".cbt-", ".lft-", ".imt-", ".ent-", ".oas-", // glpat- gldt- ... glsoat-
    ".oxb-", ".oxp-", ".oxa-", ".oxr-", ".oxs-", ".oxe-", ".app-", // xoxb- ... xapp-
    ".^sk-", ".ypi-", "..AK-", ".key-", // sk- pypi- PMAK- NRAK- key-
    ".RKU-", ".RII-", ".RJS-", ".SPX-", ".fct-", // HRKU- NRII- NRJS- GOCSPX- glffct-
  };

  private static final char ANY = '.';
  private static final char BOUNDARY = '^';

  static {
    for (String w : VENDOR_WINDOWS) {
      gate(w).admit(w);
    }
    for (List<String> candidates : TokenFamilies.separatorWindows()) {
      if (candidates.stream().noneMatch(w -> gate(w).admits(w))) {
        String w = candidates.stream().filter(PrefixEnds::isFixed).findFirst()
            .orElse(candidates.get(candidates.size() - 1));
        gate(w).admit(w);
      }
    }
  }

  /**
   * Indexed by the two chars before the separator (ASCII): 0 when no prefix ends so, else the index in
   * {@link #windows} of what those prefixes have before them.
   */
  private final byte[] ends = new byte[128 * 128];
  /**
   * Per used ending, its windows' third and fourth chars before the separator, in pairs. Index 0 is unused.
   */
  private char[][] windows = {null};

  private PrefixEnds() {}

  private static PrefixEnds gate(String window) {
    return window.charAt(4) == '_' ? UNDERSCORE : DASH;
  }

  /** True when the window holds four chars of the prefix, no boundary or wildcard. */
  private static boolean isFixed(String window) {
    return window.indexOf(ANY) < 0 && window.indexOf(BOUNDARY) < 0;
  }

  /** True when every text window {@code w} fits is let through already. */
  private boolean admits(String w) {
    char[] have = windows[ends[slot(w)] & 0xff];
    for (int j = 0; have != null && j < have.length; j += 2) {
      if ((have[j] == ANY || have[j] == w.charAt(1)) && (have[j + 1] == ANY || have[j + 1] == w.charAt(0))) {
        return true;
      }
    }
    return false;
  }

  private void admit(String w) {
    int slot = slot(w);
    int k = ends[slot] & 0xff;
    if (k == 0) {
      k = windows.length;
      if (k > 255) {
        throw new IllegalStateException("more than 255 prefix endings before '" + w.charAt(4) + "'");
      }
      windows = Arrays.copyOf(windows, k + 1);
      windows[k] = new char[0];
      ends[slot] = (byte) k;
    }
    char[] pairs = Arrays.copyOf(windows[k], windows[k].length + 2);
    pairs[pairs.length - 2] = w.charAt(1);
    pairs[pairs.length - 1] = w.charAt(1) == BOUNDARY ? ANY : w.charAt(0);
    windows[k] = pairs;
  }

  private static int slot(String w) {
    return w.charAt(2) << 7 | w.charAt(3);
  }

  /** True when the chars before {@code sep} may end a known prefix (a superset: the matcher decides). */
  boolean mayEndAt(String s, int sep) {
    if (sep < 2) {
      return false;
    }
    char a = s.charAt(sep - 2);
    char b = s.charAt(sep - 1);
    if ((a | b) >= 128) {
      return false;
    }
    int k = ends[a << 7 | b];
    return k != 0 && fitsBefore(windows[k & 0xff], s, sep);
  }

  private static boolean fitsBefore(char[] pairs, String s, int sep) {
    for (int j = 0; j < pairs.length; j += 2) {
      if (fits(pairs[j], s, sep - 3) && fits(pairs[j + 1], s, sep - 4)) {
        return true;
      }
    }
    return false;
  }

  private static boolean fits(char need, String s, int p) {
    if (need == ANY) {
      return true;
    }
    if (need == BOUNDARY) {
      return p < 0 || !CharClass.isAlnum(s.charAt(p));
    }
    return p >= 0 && s.charAt(p) == need;
  }
}
