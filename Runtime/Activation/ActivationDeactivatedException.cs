namespace O2C.Runtime.Activation;

/// <summary>The activation a call queued on was deactivated meanwhile; the call goes to a new one.</summary>
internal sealed class ActivationDeactivatedException() : Exception("The activation was deactivated while the call waited.");
