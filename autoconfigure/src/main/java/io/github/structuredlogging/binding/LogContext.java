package io.github.structuredlogging.binding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.aot.hint.annotation.Reflective;

/**
 * Static identity for the {@link BoundLogger} injected into a bean of the annotated class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
// Read from the bean's class when its logger is made: ahead-of-time processing registers the class for reflection
// in a native image.
@Reflective
public @interface LogContext {

	/**
	 * The component the bean's events belong to; empty means the bean name.
	 * @return the component
	 */
	String component() default "";

	/**
	 * The version of the component; empty means the application's build-info version, when it has one.
	 * @return the version
	 */
	String version() default "";

}
