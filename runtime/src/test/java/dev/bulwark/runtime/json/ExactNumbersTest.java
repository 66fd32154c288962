package dev.bulwark.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Untyped JSON keeps its integers exact: Moshi's own reader turns every number into a double. */
class ExactNumbersTest {
  private final Moshi moshi = new Moshi.Builder().add(BulwarkJson.standardAdapters()).build();
  private final JsonAdapter<Object> untyped = moshi.adapter(Object.class);

  @Test
  void integersPastTwoToTheFiftyThirdReadAndWriteExactly() throws Exception {
    Object value = untyped.fromJson("{\"seed\": 4944116822809979520, \"big\": 123456789012345678901234567890,"
        + " \"small\": -7, \"fraction\": 0.5, \"exponent\": 1e3, \"list\": [9007199254740993]}");
    Map<?, ?> map = (Map<?, ?>) value;
    assertThat(map.get("seed")).isEqualTo(4944116822809979520L);
    assertThat(map.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(map.get("small")).isEqualTo(-7L);
    assertThat(map.get("fraction")).isEqualTo(0.5);
    assertThat(map.get("exponent")).isEqualTo(1000.0);
    assertThat(map.get("list")).isEqualTo(List.of(9007199254740993L));
    assertThat(untyped.toJson(value)).isEqualTo("{\"seed\":4944116822809979520,"
        + "\"big\":123456789012345678901234567890,\"small\":-7,\"fraction\":0.5,\"exponent\":1000.0,"
        + "\"list\":[9007199254740993]}");
  }

  @Test
  void aTreeReadExactlyFeedsTypedAdapters() throws Exception {
    Object tree = BulwarkJson.readJsonValue(com.squareup.moshi.JsonReader.of(
        new okio.Buffer().writeUtf8("{\"id\": 9007199254740993}")));
    assertThat(moshi.adapter(Long.class).fromJsonValue(((Map<?, ?>) tree).get("id"))).isEqualTo(9007199254740993L);
  }

  @Test
  void anIntegerPastItsTypesRangeIsSetAsideNotFatal() throws Exception {
    // digitalocean.yaml's Kafka topic examples: 9223372036854776000, one past Long.MAX_VALUE after JavaScript rounding.
    JsonProblems problems = new JsonProblems();
    com.squareup.moshi.JsonReader reader = com.squareup.moshi.JsonReader.of(
        new okio.Buffer().writeUtf8("9223372036854776000"));
    assertThat(BulwarkJson.readProperty(reader, moshi.adapter(Long.class), ValueKind.NUMBER, "flush_ms", problems))
        .isNull();
    assertThat(problems.messages()).singleElement().asString().contains("flush_ms", "9223372036854776000");
    assertThat(problems.rawValues()).containsEntry("flush_ms", new BigInteger("9223372036854776000"));
  }
}
