package io.github.structuredlogging.event;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnakeCaseTests {

	@Test
	void splitsWordsAtCapitals() {
		assertThat(SnakeCase.of("RoutineGenerated")).isEqualTo("routine_generated");
		assertThat(SnakeCase.of("userId")).isEqualTo("user_id");
		assertThat(SnakeCase.of("exercisesCount")).isEqualTo("exercises_count");
	}

	@Test
	void keepsAcronymsTogether() {
		assertThat(SnakeCase.of("HTTPTimeout")).isEqualTo("http_timeout");
		assertThat(SnakeCase.of("orderURL")).isEqualTo("order_url");
	}

	@Test
	void leavesSnakeCaseAndDigitsAlone() {
		assertThat(SnakeCase.of("order_id")).isEqualTo("order_id");
		assertThat(SnakeCase.of("line2Total")).isEqualTo("line2_total");
	}

}
