package dev.hotreload.sample;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * The condition behind {@link EnabledIfDocker}.
 */
final class DockerCondition implements ExecutionCondition {

	/**
	 * The environment variable that turns a missing Docker engine into a failure.
	 */
	static final String REQUIRED_VARIABLE = "HOTRELOAD_REQUIRE_DOCKER";

	private static final Log logger = LogFactory.getLog(DockerCondition.class);

	private static final String SKIPPED = "No Docker engine: the PostgreSQL tests are skipped "
			+ "(src/docker/start-docker.sh starts one; see docs/dev-services.md)";

	private static final AtomicBoolean told = new AtomicBoolean();

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String missing;
		try {
			if (DockerClientFactory.instance().isDockerAvailable()) {
				return ConditionEvaluationResult.enabled("A Docker engine answers");
			}
			missing = SKIPPED;
		}
		catch (RuntimeException ex) {
			// An engine answers, but Testcontainers cannot start with it, as when
			// an image it needs (Ryuk's, alpine's) cannot be pulled on a machine
			// that reaches no registry.
			missing = "The Docker engine cannot run Testcontainers (" + ex.getMessage() + "): the PostgreSQL tests "
					+ "are skipped; on a machine without a registry, set TESTCONTAINERS_RYUK_DISABLED=true, "
					+ "TESTCONTAINERS_HOST_OVERRIDE=localhost and "
					+ "HOTRELOAD_POSTGRES_IMAGE as .ci/run does (see docs/dev-services.md)";
		}
		if (Boolean.parseBoolean(System.getenv(REQUIRED_VARIABLE))) {
			throw new IllegalStateException(
					missing + "; " + REQUIRED_VARIABLE + " is true: run src/docker/start-docker.sh first");
		}
		if (told.compareAndSet(false, true)) {
			logger.warn(missing);
		}
		return ConditionEvaluationResult.disabled(missing);
	}

}
