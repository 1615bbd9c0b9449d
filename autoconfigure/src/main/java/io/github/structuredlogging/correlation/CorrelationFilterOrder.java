package io.github.structuredlogging.correlation;

import org.springframework.core.Ordered;

/**
 * Where the correlation filters run, and so where filters that read the request context they set up must go: after
 * them. One place decides, because the servlet filter moves when tracing is present.
 */
public final class CorrelationFilterOrder {

	/**
	 * Spring Boot's observation filter, which starts the request's span, is ordered at
	 * {@code HIGHEST_PRECEDENCE + 1}.
	 */
	private static final int OBSERVATION_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

	private CorrelationFilterOrder() {
	}

	/**
	 * The order of the servlet correlation filter. With tracing it runs just after Boot's observation filter, so
	 * that the request's span is current and its trace id can be the correlation id.
	 * @param properties the correlation settings
	 * @param tracing whether a {@link TraceIdSource} is in use
	 * @return the order
	 */
	public static int servlet(CorrelationProperties properties, boolean tracing) {
		return (tracing && properties.getFilterOrder() <= OBSERVATION_FILTER_ORDER) ? OBSERVATION_FILTER_ORDER + 1
				: properties.getFilterOrder();
	}

	/**
	 * The order right after a filter's.
	 * @param order the filter's order
	 * @return the next order, or the lowest precedence when the filter already has it
	 */
	public static int after(int order) {
		return (order == Ordered.LOWEST_PRECEDENCE) ? order : order + 1;
	}

}
