package dev.poolcalc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The caps of {@link InputLimits}, at their edges, as the readers apply them. */
class YamlLimitsTest {

  @Test
  void aValueOfExactlySixtyFourKibibytesIsRead() throws InvalidInputException {
    YamlNode root = YamlTreeReader.read("f.yaml", "k: " + "v".repeat(65_536) + "\n");
    assertThat(root).isInstanceOf(YamlNode.Mapping.class);
  }

  @Test
  void oneCharacterMoreIsRefused() {
    assertThatThrownBy(() -> YamlTreeReader.read("f.yaml", "k: " + "v".repeat(65_537) + "\n"))
        .hasMessageContaining("f.yaml:1:4: error: a value of 65537 characters is longer than");
  }

  @Test
  void charactersAreCountedNotUtf16Units() throws InvalidInputException {
    // U+1F600 is two UTF-16 units; 40,000 of them are 40,000 characters.
    YamlTreeReader.read("f.yaml", "k: \"" + "\uD83D\uDE00".repeat(40_000) + "\"\n");
  }

  @Test
  void manifestsMayCarryALargeConfigMapValueOnOneLine() throws InvalidInputException {
    // Rendered charts embed dashboards as one-line JSON; Kubernetes allows 1 MiB per object.
    String configMap = "kind: ConfigMap\ndata:\n  d.json: '" + "x".repeat(500_000) + "'\n";
    assertThat(YamlTreeReader.readAll("m.yaml", configMap)).hasSize(1);
    assertThatThrownBy(() -> YamlTreeReader.read("d.yaml", configMap))
        .hasMessageContaining("d.yaml:3:3: error: this line is 500012 characters long");
  }

  @Test
  void aStreamPastTheCapIsRefusedWithoutKnowingItsSize() {
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return ' ';
          }

          @Override
          public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) ' ');
            return len;
          }
        };
    assertThatThrownBy(() -> InputText.read(endless))
        .isInstanceOf(InputText.TooLargeException.class)
        .extracting(e -> ((InputText.TooLargeException) e).reason())
        .isEqualTo("is larger than the 64 MiB poolcalc reads from one file");
  }

  @Test
  void aStreamAtTheCapIsRead() throws IOException {
    byte[] exactly = new byte[64 << 20];
    java.util.Arrays.fill(exactly, (byte) '#');
    assertThat(InputText.read(new ByteArrayInputStream(exactly))).hasSize(64 << 20);
  }
}
