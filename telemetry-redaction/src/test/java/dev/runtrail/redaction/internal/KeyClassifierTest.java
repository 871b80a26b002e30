package dev.runtrail.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyClassifierTest {
  private final KeyClassifier strict = new KeyClassifier(List.of("tenant_ref"), true);

  @ParameterizedTest
  @CsvSource({
    "password,1", "passwordHash,1", "PASSWORD_HASH,1", "x-api-key,1", "APIKey,1", "oauth2Token,1", "my.tenantRef,1",
    "token_count,0", "secret_name,0", "public_key,0", "session_id,3", "SpanId,3", "plan_hash,3",
    "email,2", "user_name,2", "clientIp,2", "user_agent,0", "e-mail,2", "userId,3", "name,0"
  })
  void classifiesKeysByTheirLastWords(String key, int expected) {
    assertThat(strict.classify(key)).as(key).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"level=,false", "trace_id=,false", "customer_id=,true", "password=,true", "apiKey=,true",
      "clientIp=,true", "path=,false", "tenant_ref=,true"})
  void prefilterRejectsOrdinaryKeysCheaply(String text, boolean may) {
    assertThat(strict.mayEndSensitiveKey(text, text.length() - 1)).as(text).isEqualTo(may);
  }

  @ParameterizedTest
  @CsvSource({
    "api,key,true", "stripe_api,Key,true", "PRIVATE,KEY,true", "signing,key_b64,true", "db,pass,true",
    "stripe,customer_id,true", "stripeCustomer,id,true", "my.tenant,ref,true", "public,key,false", "ssh_public,key,false",
    "sort,key,false", "idempotency,key,false", "user,id,false", "api,version,false", "'',pass,false", "-,pass,false",
    "db,pass_word,false", "api,public_key,false"
  })
  void judgesAChildKeyWithItsParentLikeTheirDottedJoin(String parent, String child, boolean secret) {
    assertThat(strict.secretUnder(parent, child)).as("%s.%s", parent, child).isEqualTo(secret);
  }

  @ParameterizedTest
  @CsvSource({"key,true", "Key,true", "pass,true", "id,true", "number,true", "key_hash,true", "name,false",
      "tool,false", "exit_code,false", "public_key,false", "sort_key,false"})
  void knowsWhichKeysAParentCanMakeSecret(String child, boolean parentMatters) {
    assertThat(strict.secretUnder(null, child)).as(child).isEqualTo(parentMatters);
  }
}
