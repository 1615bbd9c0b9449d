package io.github.structuredlogging.output;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when SLF4J is bound to Logback, the only case in which a log pipeline can exist: Logback may be on the
 * class path while another backend is in use.
 */
public class OnLogbackCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("Logback logging");
		ILoggerFactory factory = LoggerFactory.getILoggerFactory();
		if (factory instanceof LoggerContext) {
			return ConditionOutcome.match(message.because("ILoggerFactory is a Logback LoggerContext"));
		}
		return ConditionOutcome.noMatch(message.because("ILoggerFactory is a " + factory.getClass().getName()));
	}

}
