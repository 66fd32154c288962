package dev.bulwark.kotlin

import com.github.tomakehurst.wiremock.client.WireMock.equalTo
import com.github.tomakehurst.wiremock.client.WireMock.equalToJson
import com.github.tomakehurst.wiremock.client.WireMock.get
import com.github.tomakehurst.wiremock.client.WireMock.okJson
import com.github.tomakehurst.wiremock.client.WireMock.post
import com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor
import com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo
import com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo
import com.github.tomakehurst.wiremock.junit5.WireMockTest
import dev.bulwark.kotlin.payments.PaymentsClient
import dev.bulwark.kotlin.payments.model.ChargeEvent
import dev.bulwark.kotlin.payments.model.ChargeRequest
import dev.bulwark.kotlin.payments.model.ContentPart
import dev.bulwark.kotlin.payments.model.Currency
import dev.bulwark.kotlin.payments.model.Message
import dev.bulwark.kotlin.payments.model.MessageContent
import dev.bulwark.kotlin.payments.model.MessageRole
import dev.bulwark.kotlin.payments.model.Range
import dev.bulwark.kotlin.payments.model.RangeQuery
import dev.bulwark.kotlin.payments.service.ListChargesParams
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** Unions from Kotlin: factories, setter overloads per variant, `isX`/`asX`, `when` over the records, the visitor. */
@WireMockTest
class KotlinUnionsTest {
    private fun describe(event: ChargeEvent): String = when (event) {
        is ChargeEvent.ChargeSucceeded -> "paid ${event.value.amount}"
        is ChargeEvent.ChargeRefunded -> "refunded ${event.value.amountRefunded}"
        is ChargeEvent.ChargeNote -> "note ${event.value.note}"
        is ChargeEvent.Unknown -> "unknown"
    }

    @Test
    fun constructAndSendUnions(server: WireMockRuntimeInfo) {
        server.wireMock.register(post(urlEqualTo("/messages")).willReturn(okJson("""{"role": "user", "content": "Hi"}""")))
        server.wireMock.register(get(urlPathEqualTo("/charges")).willReturn(okJson("""{"data": []}""")))
        PaymentsClient.builder().baseUrl(server.httpBaseUrl).build().use { client ->
            val reply = client.messages().createMessage(Message.builder().role(MessageRole.USER).content("Hi").build())
            assertTrue(reply.content.isString)
            assertEquals("Hi", reply.content.asString())
            client.messages().createMessage(Message.builder().role(MessageRole.USER)
                .content(listOf(ContentPart.builder().text("Look").build())).build())
            server.wireMock.verifyThat(postRequestedFor(urlEqualTo("/messages"))
                .withRequestBody(equalToJson("""{"role": "user", "content": [{"type": "text", "text": "Look"}]}""")))

            client.charges().listCharges(ListChargesParams.builder().created(Range.builder().gte(1700000000L).build()).build())
            client.charges().listCharges(ListChargesParams.builder().created(RangeQuery.ofLong(1700000000L)).build())
            server.wireMock.verifyThat(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/charges"))
                .withQueryParam("created[gte]", equalTo("1700000000")))
            server.wireMock.verifyThat(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/charges"))
                .withQueryParam("created", equalTo("1700000000")))
        }
        val parts: MessageContent = MessageContent.ofList(listOf(ContentPart.builder().text("a").build()))
        assertEquals("a", parts.asList()[0].text)
        val currency: Currency = ChargeRequest.builder().amount(1L).currency(Currency.of("chf")).build().currency
        assertEquals("chf", currency.value)
    }

    @Test
    fun readDiscriminatedUnions(server: WireMockRuntimeInfo) {
        server.wireMock.register(get(urlEqualTo("/charges/ch_1/events")).willReturn(okJson(
            """[{"type": "charge.succeeded", "id": "evt_1", "amount": 2000},
               {"type": "charge.refunded", "id": "evt_2", "amount_refunded": 500},
               {"type": "charge.disputed", "id": "evt_3", "note": "Opened by the card holder"},
               "not an event"]""")))
        PaymentsClient.builder().baseUrl(server.httpBaseUrl).build().use { client ->
            val events = client.charges().listChargeEvents("ch_1")
            assertEquals(listOf("paid 2000", "refunded 500", "note Opened by the card holder", "unknown"),
                events.map(::describe))
            val kinds = events.map { event ->
                event.accept(object : ChargeEvent.Visitor<String> {
                    override fun visitChargeSucceeded(value: dev.bulwark.kotlin.payments.model.ChargeSucceeded) = "succeeded"
                    override fun visitChargeRefunded(value: dev.bulwark.kotlin.payments.model.ChargeRefunded) = "refunded"
                    override fun visitChargeNote(value: dev.bulwark.kotlin.payments.model.ChargeNote) = "note"
                    override fun visitUnknown(json: Any?) = "unknown: $json"
                })
            }
            assertEquals(listOf("succeeded", "refunded", "note", "unknown: not an event"), kinds)
        }
    }
}
