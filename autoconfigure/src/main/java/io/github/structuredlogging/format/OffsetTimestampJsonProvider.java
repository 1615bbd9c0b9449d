package io.github.structuredlogging.format;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.spi.ILoggingEvent;
import net.logstash.logback.composite.AbstractFieldJsonProvider;
import net.logstash.logback.composite.JsonProvider;
import net.logstash.logback.composite.JsonProviders;
import net.logstash.logback.composite.loggingevent.LoggingEventFormattedTimestampJsonProvider;
import tools.jackson.core.JsonGenerator;

/**
 * The JSON encoder's timestamp, with the text logstash-logback-encoder's default timestamp provider writes
 * ({@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} in the JVM's default zone), but written without a string per
 * event: that provider's formatter builds one (about 60 bytes of every event's garbage).
 */
final class OffsetTimestampJsonProvider extends AbstractFieldJsonProvider<ILoggingEvent> {

	private final IsoTimestamps timestamps = IsoTimestamps.offset(ZoneId.systemDefault());

	private OffsetTimestampJsonProvider(String fieldName) {
		setFieldName(fieldName);
	}

	/**
	 * Puts a provider of this kind where the encoder's default timestamp provider is, keeping the order of the
	 * fields.
	 * @param providers the encoder's providers, with the default timestamp provider not reconfigured
	 * @param fieldName the timestamp's field name
	 */
	static void replaceDefault(JsonProviders<ILoggingEvent> providers, String fieldName) {
		List<JsonProvider<ILoggingEvent>> ordered = new ArrayList<>(providers.getProviders());
		ordered.forEach(providers::removeProvider);
		for (JsonProvider<ILoggingEvent> provider : ordered) {
			providers.addProvider((provider instanceof LoggingEventFormattedTimestampJsonProvider)
					? new OffsetTimestampJsonProvider(fieldName) : provider);
		}
	}

	@Override
	public void writeTo(JsonGenerator generator, ILoggingEvent event) {
		generator.writeName(getFieldName());
		this.timestamps.write(generator, event.getInstant());
	}

}
