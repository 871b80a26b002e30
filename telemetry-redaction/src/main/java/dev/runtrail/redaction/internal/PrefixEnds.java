package dev.runtrail.redaction.internal;

/**
 * The scanner's inlined gate for vendor prefixes that end with a separator ({@code ghp_}, {@code glpat-}):
 * one load tells whether the two chars before the separator can end a known prefix, and, where all
 * prefixes with that ending agree, which char must come before them. {@code created_at}, {@code task_id},
 * {@code error_code} and {@code api-gateway} are turned away here instead of in the matcher.
 */
final class PrefixEnds {
  /** Chars before the separator that end a '_' prefix, each with the char before them (see {@link #of}). */
  static final PrefixEnds UNDERSCORE = of(
      "hp:g", "ho:g", "hu:g", "hs:g", "hr:g", // ghp_ gho_ ghu_ ghs_ ghr_
      "ub:h", "sk: ", "rk: ", "ec:s", "pm:n", // github_ sk_ rk_ whsec_ npm_
      "hf: ", "op:d", "oo:d", "or:d", // hf_ dop_ doo_ dor_
      "at:p", "ss:p", "ca:p", "pa:p", // shpat_ shpss_ shpca_ shppa_
      "sa:l", "lc:g", // glsa_ glc_
      "kr:c", "in:l") // dckr_ lin_
      .with(TokenFamilies.separatorEnds('_'));
  /** The same for '-' prefixes. */
  static final PrefixEnds DASH = of(
      "at:*", "dt:l", "tt:p", "rt:l", "bt:c", "ft:l", "mt:i", "nt:e", "as:o", // glpat- glsoat- gldt- ...
      "xb:o", "xp:o", "xa:o", "xr:o", "xs:o", "xe:o", "pp:a", // xoxb- ... xapp-
      "sk: ", "pi:y", // sk- pypi-
      "AK:*", "ey:k", // PMAK- NRAK- key-
      "KU:R", "II:R", "JS:R", "PX:S", // HRKU- NRII- NRJS- GOCSPX-
      "ct:f") // glffct-
      .with(TokenFamilies.separatorEnds('-'));

  private static final byte ANY = 1;
  private static final byte BOUNDARY = 2;

  /**
   * Indexed by the two chars before the separator (ASCII): 0 = no prefix ends so, else {@link #ANY},
   * {@link #BOUNDARY} or the char that must come before them.
   */
  private final byte[] third = new byte[128 * 128];

  private PrefixEnds() {}

  /**
   * Entries {@code "xy:c"}: a prefix ends with {@code xy} and has {@code c} before it; {@code ' '} for a
   * two-letter prefix (a token boundary before it), {@code '*'} when several chars can.
   */
  private static PrefixEnds of(String... entries) {
    PrefixEnds ends = new PrefixEnds();
    for (String e : entries) {
      char c = e.charAt(3);
      ends.third[e.charAt(0) << 7 | e.charAt(1)] = (byte) (c == '*' ? ANY : c == ' ' ? BOUNDARY : c);
    }
    return ends;
  }

  /**
   * Adds the endings of the token families' prefixes ({@link TokenFamilies}); where two prefixes share an
   * ending but not the char before it, any char may come before.
   */
  private PrefixEnds with(java.util.List<String> entries) {
    for (String e : entries) {
      int slot = e.charAt(0) << 7 | e.charAt(1);
      char c = e.charAt(3);
      byte need = (byte) (c == ' ' ? BOUNDARY : c);
      byte old = third[slot];
      third[slot] = old == 0 || old == need ? need : ANY;
    }
    return this;
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
    int need = third[a << 7 | b];
    if (need == 0 || need == ANY) {
      return need == ANY;
    }
    if (sep == 2) {
      return need == BOUNDARY;
    }
    char c = s.charAt(sep - 3);
    return need == BOUNDARY ? !CharClass.isAlnum(c) : c == need;
  }
}
