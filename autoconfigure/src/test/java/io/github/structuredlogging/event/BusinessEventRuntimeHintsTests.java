package io.github.structuredlogging.event;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.annotation.ReflectiveRuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@link EventType} record found by ahead-of-time processing (through {@code @ReflectiveScan}) gets what logging
 * it reads: its components, their accessors, and binding for a nested record value.
 */
class BusinessEventRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	@Test
	void anEventRecordsComponentsAndNestedValuesAreRegistered() {
		new ReflectiveRuntimeHintsRegistrar().registerRuntimeHints(this.hints, PaymentTaken.class);
		assertThat(RuntimeHintsPredicates.reflection().onType(PaymentTaken.class)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(PaymentTaken.class, "orderId"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(PaymentTaken.class, "amount"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Amount.class, "currency"))
			.accepts(this.hints);
	}

	@Test
	void aRecordWithoutAnEventTypeIsNotRegistered() {
		new ReflectiveRuntimeHintsRegistrar().registerRuntimeHints(this.hints, Amount.class);
		assertThat(RuntimeHintsPredicates.reflection().onType(Amount.class)).rejects(this.hints);
	}

	@EventType("payment_taken")
	record PaymentTaken(String orderId, Amount amount) {
	}

	record Amount(long cents, String currency) {
	}

}
