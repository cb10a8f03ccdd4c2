import Testing

@Test func billingsandboxBuilds() {}
