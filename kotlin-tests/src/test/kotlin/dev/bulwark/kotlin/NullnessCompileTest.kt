package dev.bulwark.kotlin

import java.io.File
import java.nio.file.Files
import org.jetbrains.kotlin.cli.common.ExitCode
import org.jetbrains.kotlin.cli.jvm.K2JVMCompiler
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * Proves that nullness is enforced for Kotlin callers: code that treats an optional property as non-null must not
 * compile, and the same code with the right types must.
 */
class NullnessCompileTest {

    private fun compile(source: String): Pair<ExitCode, String> {
        val dir = Files.createTempDirectory("kotlin-nullness").toFile()
        val file = File(dir, "Snippet.kt").apply { writeText(source) }
        val output = java.io.ByteArrayOutputStream()
        val classpath = System.getProperty("java.class.path")
        val code = java.io.PrintStream(output).use { stream ->
            K2JVMCompiler().exec(stream, "-no-stdlib", "-no-reflect", "-Xjspecify-annotations=strict",
                "-classpath", classpath, "-d", File(dir, "out").path, file.path)
        }
        dir.deleteRecursively()
        return code to output.toString()
    }

    @Test
    fun anOptionalPropertyCannotBeAssignedToANonNullType() {
        val (code, messages) = compile("""
            import dev.bulwark.kotlin.petstore.model.PetList
            fun cursor(page: PetList): String = page.nextCursor
        """.trimIndent())

        assertEquals(ExitCode.COMPILATION_ERROR, code, messages)
        assertTrue(messages.contains("String?"), messages)
    }

    @Test
    fun aRequiredPropertyIsNonNullAndAnOptionalOneNullable() {
        val (code, messages) = compile("""
            import dev.bulwark.kotlin.petstore.model.PetList
            fun cursor(page: PetList): String? = page.nextCursor
            fun count(page: PetList): Int = page.items.size
        """.trimIndent())

        assertEquals(ExitCode.OK, code, messages)
    }

    @Test
    fun aRequiredBuilderArgumentCannotBeNull() {
        val (code, messages) = compile("""
            import dev.bulwark.kotlin.petstore.model.NewPet
            fun draft(name: String?) = NewPet.builder().name(name).build()
        """.trimIndent())

        assertEquals(ExitCode.COMPILATION_ERROR, code, messages)
        assertTrue(messages.contains("String?"), messages)
    }
}
