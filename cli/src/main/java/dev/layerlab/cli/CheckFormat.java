package dev.layerlab.cli;

import dev.layerlab.advice.BuilderKind;
import dev.layerlab.advice.FailureThreshold;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The output formats of {@code layerlab check}, and the converters of its option values. */
enum CheckFormat {
  TEXT,
  JSON,
  SARIF,
  MARKDOWN;

  static final class Converter implements ITypeConverter<CheckFormat> {
    @Override
    public CheckFormat convert(String value) {
      for (CheckFormat f : values()) {
        if (f.name().equalsIgnoreCase(value)) {
          return f;
        }
      }
      throw new TypeConversionException(
          "'" + value + "' is not a format (expected text, json, sarif or markdown)");
    }
  }

  static final class ThresholdConverter implements ITypeConverter<FailureThreshold> {
    @Override
    public FailureThreshold convert(String value) {
      return FailureThreshold.fromLabel(value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "'"
                          + value
                          + "' is not a threshold (expected error, warning, info or none)"));
    }
  }

  static final class BuilderConverter implements ITypeConverter<BuilderKind> {
    @Override
    public BuilderKind convert(String value) {
      try {
        return BuilderKind.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a builder (expected classic or buildkit)");
      }
    }
  }
}
