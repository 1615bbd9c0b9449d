package io.github.structuredlogging.sample;

import io.github.structuredlogging.sample.order.OrderPlaced;

import org.springframework.aot.hint.annotation.RegisterReflectionForBinding;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * A small order service: what a user's application looks like with the structured-logging starter added.
 */
@SpringBootApplication
@EnableAsync
// Business event records are read reflectively; a native image needs them registered (see README, Spring AOT).
@RegisterReflectionForBinding(OrderPlaced.class)
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
