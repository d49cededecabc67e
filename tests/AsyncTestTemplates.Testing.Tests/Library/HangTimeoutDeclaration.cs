// The hang timeout these tests expect their own assembly to declare (HangTimeoutAttributeTests).
[assembly: AsyncTestTemplates.Testing.HangTimeout(120)]
