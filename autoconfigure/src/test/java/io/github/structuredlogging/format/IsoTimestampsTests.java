package io.github.structuredlogging.format;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timestamp text of Boot's formats, written without {@code java.time} per event, against what
 * {@code java.time} writes for the same instants: every fraction length, whole seconds, before 1970 and after 9999,
 * offsets of half and three quarters of an hour, and across daylight saving changes.
 */
class IsoTimestampsTests {

	private static final long SEED = 20261130L;

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final List<String> ZONES = List.of("UTC", "Europe/Paris", "America/St_Johns", "Asia/Kathmandu",
			"Pacific/Chatham", "America/Los_Angeles");

	@Test
	void writesWhatInstantToStringWrites() {
		IsoTimestamps timestamps = IsoTimestamps.utc();
		for (Instant instant : instants()) {
			assertThat(timestamps.format(instant)).as("%s (seed %d)", instant, SEED).isEqualTo(instant.toString());
		}
	}

	@Test
	void writesWhatTheIsoOffsetDateTimeFormatterWritesInEachZone() {
		for (String zoneName : ZONES) {
			ZoneId zone = ZoneId.of(zoneName);
			IsoTimestamps timestamps = IsoTimestamps.offset(zone);
			for (Instant instant : instants()) {
				assertThat(timestamps.format(instant)).as("%s in %s (seed %d)", instant, zone, SEED)
					.isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(instant, zone)));
			}
		}
	}

	@Test
	void writesTheSameTextIntoAGenerator() {
		IsoTimestamps timestamps = IsoTimestamps.offset(ZoneId.of("Asia/Kathmandu"));
		for (Instant instant : instants()) {
			StringWriter written = new StringWriter();
			try (JsonGenerator generator = MAPPER.createGenerator(written)) {
				timestamps.write(generator, instant);
			}
			assertThat(written.toString()).as("%s (seed %d)", instant, SEED)
				.isEqualTo('"' + timestamps.format(instant) + '"');
		}
	}

	@Test
	void writesGelfSecondsAsBigDecimalWritesThem() {
		Random random = new Random(SEED);
		List<Long> limits = List.of(0L, 1L, 9L, 10L, 99L, 100L, 999L, 1000L, 1001L, 1010L, 1100L, -1L, -999L, -1000L,
				-1001L, Long.MAX_VALUE, Long.MIN_VALUE);
		for (long millis : limits) {
			assertThat(GelfJsonProvider.seconds(millis)).as("%d", millis)
				.isEqualTo(BigDecimal.valueOf(millis, 3).toPlainString());
		}
		for (int i = 0; i < 10_000; i++) {
			long millis = random.nextLong(-10_000_000_000_000L, 10_000_000_000_000L);
			assertThat(GelfJsonProvider.seconds(millis)).as("%d (seed %d)", millis, SEED)
				.isEqualTo(BigDecimal.valueOf(millis, 3).toPlainString());
		}
	}

	/**
	 * Runs of instants within one second (the text of which is kept) and jumps between seconds, in both
	 * directions, with fractions of every length.
	 */
	private static List<Instant> instants() {
		Random random = new Random(SEED);
		List<Instant> instants = new java.util.ArrayList<>();
		List<Long> seconds = List.of(0L, -1L, 1L, 1_780_000_000L, -62_135_596_800L, 253_402_300_799L,
				253_402_300_800L, 1_679_792_399L, 1_679_792_400L, 1_698_541_199L, 1_698_541_200L);
		for (long second : seconds) {
			instants.addAll(withinSecond(second, random));
		}
		for (int i = 0; i < 2_000; i++) {
			long second = random.nextLong(-5_000_000_000L, 5_000_000_000L);
			instants.addAll(withinSecond(second, random));
		}
		return instants;
	}

	private static List<Instant> withinSecond(long second, Random random) {
		return List.of(Instant.ofEpochSecond(second, 0), Instant.ofEpochSecond(second, random.nextInt(1000) * 1_000_000),
				Instant.ofEpochSecond(second, random.nextInt(1_000_000) * 1_000),
				Instant.ofEpochSecond(second, random.nextInt(1_000_000_000)), Instant.ofEpochSecond(second, 1),
				Instant.ofEpochSecond(second, 999_999_999), Instant.ofEpochSecond(second, 100_000_000),
				Instant.ofEpochSecond(second, 120_000), Instant.ofEpochSecond(second, 0));
	}

}
