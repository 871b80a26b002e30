package dev.runtrail.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrefixEndsTest {
  /** Every '_' or '-' of {@code text} the gate lets through, as the text up to it. */
  private static List<String> passes(String text) {
    List<String> through = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      PrefixEnds gate = c == '_' ? PrefixEnds.UNDERSCORE : c == '-' ? PrefixEnds.DASH : null;
      if (gate != null && gate.mayEndAt(text, i)) {
        through.add(text.substring(0, i + 1));
      }
    }
    return through;
  }

  @Test
  void commonIdentifiersDoNotWakeTheVendorMatchers() {
    // Keys and words that share a separator ending with a vendor prefix: napi_ and api_org_ end in "pi_",
    // pscale_ in "le_", sk_prod_ and sgp_local_ in "od_" and "al_", tk-us- and tvly-dev- in "s-" and "v-".
    // The gate sees four chars: "openapi_" still passes as napi_, and "client_secret_" as Notion's
    // secret_, and "my_org_name" as api_org_, for the matchers to turn away.
    for (String text : List.of("\"api_key\":null", "api_url=https://x", "api_version: 3", "task_id=7",
        "created_at", "error_code", "api-gateway", "prod_db_url", "local_path=/tmp", "tools-us-east-1",
        "unit_test_name", "dev-server", "order_id", "live_mode", "exit_code=0",
        "auth-service", "us-west-2")) {
      assertThat(passes(text)).as(text).isEmpty();
    }
  }

  @Test
  void familyPrefixesWithSeveralSeparatorsPassAtTheirMostTellingOne() {
    assertThat(passes("key api_org_Ab")).containsExactly("key api_org_"); // _org_, not the api_ of api_key
    assertThat(passes("key tk-us-Ab")).containsExactly("key tk-us-");
    assertThat(passes("sk_prod_Ab")).containsExactly("sk_"); // sk_ is the Stripe matcher's anyway
    assertThat(passes("sgp_local_Ab")).containsExactly("sgp_"); // and sgp_ that of sgp_<hex>
    assertThat(passes("napi_x")).containsExactly("napi_");
  }
}
