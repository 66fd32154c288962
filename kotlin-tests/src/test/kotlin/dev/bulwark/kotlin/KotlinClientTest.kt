package dev.bulwark.kotlin

import com.github.tomakehurst.wiremock.client.WireMock.aResponse
import com.github.tomakehurst.wiremock.client.WireMock.get
import com.github.tomakehurst.wiremock.client.WireMock.okJson
import com.github.tomakehurst.wiremock.client.WireMock.post
import com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo
import com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo
import com.github.tomakehurst.wiremock.junit5.WireMockTest
import dev.bulwark.kotlin.orders.OrdersClient
import dev.bulwark.kotlin.orders.model.PaymentMethod
import dev.bulwark.kotlin.orders.service.RefundOrderResult
import dev.bulwark.kotlin.petstore.PetStoreClient
import dev.bulwark.kotlin.petstore.model.NewPet
import dev.bulwark.kotlin.petstore.model.Pet
import dev.bulwark.kotlin.petstore.model.PetStatus
import dev.bulwark.kotlin.petstore.service.ListPetsParams
import dev.bulwark.runtime.RequestOptions
import dev.bulwark.runtime.error.BulwarkException
import dev.bulwark.runtime.error.NotFoundException
import java.time.Duration
import java.util.concurrent.TimeUnit
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Test

/** A Kotlin caller's view of generated clients: properties, builders, exhaustive `when`, `use {}`, async. */
@WireMockTest
class KotlinClientTest {
    private val pet = """{"id": 7, "name": "Rex", "status": "in-quarantine", "createdAt": "2024-05-01T10:15:30Z"}"""

    private fun describe(status: PetStatus): String = when (status.known()) {
        PetStatus.Known.AVAILABLE -> "for sale"
        PetStatus.Known.PENDING -> "reserved"
        PetStatus.Known.SOLD -> "gone"
        PetStatus.Known.IN_QUARANTINE -> "resting"
        PetStatus.Known._UNKNOWN -> "unknown (${status.value})"
    }

    private fun describe(payment: PaymentMethod): String = when (payment) {
        is PaymentMethod.Card -> "card ${payment.value.last4}"
        is PaymentMethod.BankTransfer -> "transfer ${payment.value.iban}"
        is PaymentMethod.Unknown -> "unknown"
    }

    private fun describe(result: RefundOrderResult): String = when (result) {
        is RefundOrderResult.Ok -> "refunded ${result.body.id}"
        is RefundOrderResult.Accepted -> "job ${result.body.jobId}"
    }

    @Test
    fun propertiesBuildersAndWhen(server: WireMockRuntimeInfo) {
        server.wireMock.register(get(urlEqualTo("/pets/7")).willReturn(okJson(pet)))
        server.wireMock.register(get(urlPathEqualTo("/pets")).willReturn(okJson("""{"items": [$pet], "nextCursor": null}""")))

        PetStoreClient.builder().baseUrl(server.httpBaseUrl).bearerAuth("token").build().use { client ->
            val rex: Pet = client.pets().getPet(7L)
            val name: String = rex.name
            val tags: List<String>? = rex.tags
            assertEquals("Rex", name)
            assertNull(tags)
            assertEquals("resting", describe(rex.status ?: PetStatus.AVAILABLE))
            assertEquals("unknown (adopted)", describe(PetStatus.of("adopted")))

            val page = client.pets().listPets(ListPetsParams.builder().limit(10).build())
            val cursor: String? = page.nextCursor
            assertNull(cursor)
            assertEquals(listOf("Rex"), page.items.map { it.name })

            val draft = NewPet.builder().name("Tom").status(PetStatus.SOLD).build()
            assertEquals("Tom", draft.toBuilder().build().name)
        }
    }

    @Test
    fun sealedResultsAsyncAndErrors(server: WireMockRuntimeInfo) {
        server.wireMock.register(post(urlEqualTo("/orders/o-1/refunds")).willReturn(okJson(
            """{"id": "o-1", "sku": "pen", "quantity": 1, "status": "paid",
               "payment": {"type": "card", "last4": "4242"}}""")))
        server.wireMock.register(post(urlEqualTo("/orders/o-2/refunds")).willReturn(aResponse().withStatus(202)
            .withHeader("Content-Type", "application/json").withBody("""{"jobId": "job-7"}""")))
        server.wireMock.register(get(urlEqualTo("/orders/missing")).willReturn(aResponse().withStatus(404)
            .withHeader("Content-Type", "application/json").withBody("""{"message": "no such order"}""")))

        OrdersClient.builder().baseUrl(server.httpBaseUrl).build().use { client ->
            val refund = client.orders().refundOrder("o-1")
            assertEquals("refunded o-1", describe(refund))
            val payment = (refund as RefundOrderResult.Ok).body.payment
            assertEquals("card 4242", payment?.let { describe(it) })
            val later = client.orders().refundOrderAsync(
                dev.bulwark.kotlin.orders.service.RefundOrderParams.builder().orderId("o-2").build())
            assertEquals("job job-7", describe(later.get(5, TimeUnit.SECONDS)))

            val failure = assertThrows(NotFoundException::class.java) {
                client.orders().getOrder(
                    dev.bulwark.kotlin.orders.service.GetOrderParams.builder().orderId("missing").build(),
                    RequestOptions.builder().callTimeout(Duration.ofSeconds(5)).header("X-Tenant", "acme").build())
            }
            val asBase: BulwarkException = failure
            assertEquals("no such order", failure.errorMessage())
            assertEquals("getOrder", asBase.operationId())
        }
    }
}
