package io.github.structuredlogging.correlation;

import java.util.Map;

import org.slf4j.MDC;

import org.springframework.core.task.TaskDecorator;

/**
 * Carries the submitting thread's MDC to the thread that runs the task, and gives the worker back its own MDC
 * afterwards, so pooled threads never keep a finished request's context.
 */
public class MdcTaskDecorator implements TaskDecorator {

	@Override
	public Runnable decorate(Runnable runnable) {
		Map<String, String> submitted = MDC.getCopyOfContextMap();
		return () -> {
			Map<String, String> own = MDC.getCopyOfContextMap();
			replaceMdc(submitted);
			try {
				runnable.run();
			}
			finally {
				replaceMdc(own);
			}
		};
	}

	private static void replaceMdc(Map<String, String> values) {
		if (values == null) {
			MDC.clear();
		}
		else {
			MDC.setContextMap(values);
		}
	}

}
