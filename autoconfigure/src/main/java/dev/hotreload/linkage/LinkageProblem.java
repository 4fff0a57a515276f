package dev.hotreload.linkage;

import org.springframework.util.Assert;

/**
 * A member that a new generation needs and that the running application does not have.
 *
 * @param owner the binary name of the class that lacks the member
 * @param member the member, such as {@code Owner.getFullName()}
 * @param message the whole sentence, naming the generation, the member and why
 */
public record LinkageProblem(String owner, String member, String message) {

	/**
	 * Create a problem.
	 * @param owner the binary name of the class that lacks the member
	 * @param member the member
	 * @param message the whole sentence
	 */
	public LinkageProblem {
		Assert.hasText(owner, "'owner' must not be empty");
		Assert.hasText(member, "'member' must not be empty");
		Assert.hasText(message, "'message' must not be empty");
	}

}
