package dev.layerlab.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

  @Test
  void fiveValuesWithOneWildRepetition_matchHandComputedFigures() {
    // mean 76/5 = 15.2; squared deviations 27.04 + 10.24 + 17.64 + 4.84 + 219.04 = 278.8;
    // sample variance 278.8 / 4 = 69.7; median 12; |x - 12| = 2 0 1 1 18, so MAD = 1;
    // limit 3 × 1.4826 × 1 = 4.4478, which only repetition 5 (18 away) exceeds.
    Summary s = Summary.of(List.of(10.0, 12.0, 11.0, 13.0, 30.0));

    assertThat(s.count()).isEqualTo(5);
    assertThat(s.mean()).as("mean").isCloseTo(15.2, within(1e-12));
    assertThat(s.stdDev()).as("sample sd").isCloseTo(Math.sqrt(69.7), within(1e-12));
    assertThat(s.stdDev()).isCloseTo(8.348652, within(1e-6));
    assertThat(s.median()).isEqualTo(12.0);
    assertThat(s.min()).isEqualTo(10.0);
    assertThat(s.max()).isEqualTo(30.0);
    assertThat(s.mad()).isEqualTo(1.0);
    assertThat(s.scaledMad()).isCloseTo(1.4826, within(1e-12));
    assertThat(s.outliers()).as("repetitions flagged").containsExactly(5);
    assertThat(s.madsFromMedian(30.0)).isCloseTo(18 / 1.4826, within(1e-9));
  }

  @Test
  void evenCount_usesTheMeanOfTheMiddleTwoForMedianAndMad() {
    // median 2.5; |x - 2.5| = 1.5 0.5 0.5 1.5, so MAD = (0.5 + 1.5) / 2 = 1;
    // variance (2.25 + 0.25 + 0.25 + 2.25) / 3 = 5/3.
    Summary s = Summary.of(List.of(4.0, 1.0, 3.0, 2.0));

    assertThat(s.median()).isEqualTo(2.5);
    assertThat(s.mad()).isEqualTo(1.0);
    assertThat(s.stdDev()).isCloseTo(Math.sqrt(5.0 / 3.0), within(1e-12));
    assertThat(s.outliers()).isEmpty();
  }

  @Test
  void valueJustInsideTheLimit_isNotAnOutlier_andJustOutsideIs() {
    // median 10, deviations 0 1 1 d: MAD = 1, limit 4.4478.
    assertThat(Summary.of(List.of(10.0, 9.0, 11.0, 10.0, 14.4)).outliers()).isEmpty();
    assertThat(Summary.of(List.of(10.0, 9.0, 11.0, 10.0, 14.5)).outliers()).containsExactly(5);
  }

  @Test
  void outliersAreReportedByTheirLabels() {
    Summary s = Summary.of(List.of(1.0, 50.0, 1.1, 0.9), List.of(7, 8, 9, 10));

    assertThat(s.outliers()).containsExactly(8);
  }

  @Test
  void zeroMadOrFewerThanThreeValues_flagNothing() {
    assertThat(Summary.of(List.of(1.0, 1.0, 1.0, 5.0)).outliers()).as("MAD 0").isEmpty();
    assertThat(Summary.of(List.of(1.0, 100.0)).outliers()).as("two values").isEmpty();
  }

  @Test
  void oneValue_hasNoStandardDeviation_andNoneIsEmpty() {
    Summary one = Summary.of(List.of(2.0));
    assertThat(one.stdDev()).isNaN();
    assertThat(one.mean()).isEqualTo(2.0);
    assertThat(one.mad()).isEqualTo(0.0);

    Summary none = Summary.of(List.of());
    assertThat(none.isEmpty()).isTrue();
    assertThat(none.median()).isNaN();
  }

  @Test
  void ratioOfMedians_withTheRangeFromTheExtremes() {
    Summary slow = Summary.of(List.of(10.0, 11.0, 12.0));
    Summary fast = Summary.of(List.of(1.0, 2.0));

    Ratio r = Ratio.of(slow, fast);

    assertThat(r.median()).isCloseTo(11 / 1.5, within(1e-12));
    assertThat(r.low()).isEqualTo(5.0);
    assertThat(r.high()).isEqualTo(12.0);
    assertThat(r.isClear()).isTrue();
    assertThat(Ratio.of(Summary.of(List.of(1.0, 3.0)), Summary.of(List.of(2.0))).isClear())
        .as("ranges straddling 1 are not clear")
        .isFalse();
    assertThat(Ratio.of(slow, Summary.of(List.of())).isDefined()).isFalse();
  }

  @Test
  void noValues_giveAnEmptySummary() {
    assertThat(Summary.of(List.of()).isEmpty()).isTrue();
  }
}
