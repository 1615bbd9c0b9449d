package io.github.structuredlogging.binding;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

class BoundLoggerTests {

	private final BoundLogger log = BoundLogger.of(BoundLoggerTests.class);

	@Test
	void bindingReturnsANewLoggerAndLeavesTheOriginalUnchanged() {
		BoundLogger bound = this.log.bind("order_id", "o-1");
		assertThat(bound).isNotSameAs(this.log);
		assertThat(this.log.boundPairs()).isEmpty();
		assertThat(bound.boundPairs()).containsExactly(entry("order_id", "o-1"));
		assertThat(bound.getName()).isEqualTo(BoundLoggerTests.class.getName());
	}

	@Test
	void bindsValuesOfAnyType() {
		BoundLogger bound = this.log.bind("order_id", "o-1").bind("quantity", 3).bind("express", true)
			.bind("coupon", null);
		assertThat(bound.boundPairs()).containsExactly(entry("order_id", "o-1"), entry("quantity", 3),
				entry("express", true), entry("coupon", null));
	}

	@Test
	void rebindingAKeyReplacesItsValueInPlace() {
		BoundLogger first = this.log.bind("attempt", 1).bind("order_id", "o-1");
		BoundLogger second = first.bind("attempt", 2);
		assertThat(second.boundPairs()).containsExactly(entry("attempt", 2), entry("order_id", "o-1"));
		assertThat(first.boundPairs()).containsExactly(entry("attempt", 1), entry("order_id", "o-1"));
	}

	@Test
	void bindsAMapInItsIterationOrder() {
		Map<String, Object> pairs = new LinkedHashMap<>();
		pairs.put("tenant", "acme");
		pairs.put("region", "eu");
		assertThat(this.log.bind(pairs).boundPairs()).containsExactly(entry("tenant", "acme"),
				entry("region", "eu"));
	}

	@Test
	void rejectsAnEmptyKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.log.bind("", "x"));
	}

}
