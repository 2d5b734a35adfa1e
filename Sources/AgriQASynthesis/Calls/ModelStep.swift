/// Which step of a run a model call belongs to, for token accounting.
///
/// A task-local value, so calls made deep inside other components (the answer service asking the
/// model during `eval answers`) are attributed to the step that started them:
/// `try await ModelStep.$current.withValue("answer") { … }`.
public enum ModelStep {
    @TaskLocal public static var current = "other"
}
