package dev.q4j.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;

/** A test class's Arrow memory: one allocator per test, which must have nothing left allocated at its end. */
abstract class ArrowMemoryTest {
    final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void allMemoryFreed() {
        assertThat(allocator.getAllocatedMemory()).as("Arrow memory left allocated").isZero();
        allocator.close();
    }
}
