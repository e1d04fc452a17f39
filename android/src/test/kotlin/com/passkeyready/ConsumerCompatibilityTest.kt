package com.passkeyready

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.io.DataInputStream
import java.io.File

/**
 * What the SDK asks of an app's build, read from the compiled classes: JVM 11 bytecode (a
 * default Android build accepts it) and Kotlin 2.0 metadata (an app on Kotlin 2.0 can read
 * it), for the SDK and the generated bindings alike; and the kotlin-stdlib it is built and
 * tested against is 2.0.
 */
class ConsumerCompatibilityTest {
    private val classes = File("target/classes").walk().filter { it.isFile && it.name.endsWith(".class") }.toList()

    @Test
    fun `every class is JVM 11 bytecode`() {
        assertTrue(classes.size > 50, "${classes.size} classes")
        for (file in classes) {
            val major = DataInputStream(file.inputStream().buffered()).use { input ->
                check(input.readInt() == 0xCAFEBABE.toInt()) { "$file is not a class file" }
                input.readUnsignedShort()
                input.readUnsignedShort()
            }
            assertTrue(major <= 55, "$file: class file version $major, newer than Java 11 (55)")
        }
    }

    @Test
    fun `every Kotlin class carries metadata a Kotlin 2_0 compiler reads`() {
        val loader = javaClass.classLoader
        val names = classes.map { it.relativeTo(File("target/classes")).path.removeSuffix(".class").replace(File.separatorChar, '.') }
        var kotlinClasses = 0
        for (name in names) {
            val metadata = Class.forName(name, false, loader).getAnnotation(Metadata::class.java) ?: continue
            kotlinClasses++
            val (major, minor) = metadata.metadataVersion.toList()
            assertTrue(major < 2 || (major == 2 && minor <= 0), "$name: metadata ${metadata.metadataVersion.joinToString(".")}")
        }
        assertTrue(kotlinClasses > 50, "$kotlinClasses Kotlin classes")
    }

    @Test
    fun `the kotlin-stdlib on the class path is 2_0`() {
        assertEquals(2, KotlinVersion.CURRENT.major)
        assertEquals(0, KotlinVersion.CURRENT.minor)
    }
}
