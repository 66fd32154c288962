package dev.bulwark.kotlin

import com.github.tomakehurst.wiremock.client.WireMock.absent
import com.github.tomakehurst.wiremock.client.WireMock.aResponse
import com.github.tomakehurst.wiremock.client.WireMock.equalTo
import com.github.tomakehurst.wiremock.client.WireMock.get
import com.github.tomakehurst.wiremock.client.WireMock.okJson
import com.github.tomakehurst.wiremock.client.WireMock.post
import com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo
import com.github.tomakehurst.wiremock.junit5.WireMockTest
import dev.bulwark.kotlin.feeds.FeedsClient
import dev.bulwark.kotlin.feeds.model.Activity
import dev.bulwark.kotlin.feeds.model.ActivityKind
import dev.bulwark.kotlin.feeds.model.Article
import dev.bulwark.kotlin.feeds.service.ListArticlesParams
import dev.bulwark.kotlin.petstore.PetStoreClient
import dev.bulwark.runtime.BinaryBody
import dev.bulwark.runtime.BinaryResponse
import dev.bulwark.runtime.telemetry.CallEvent
import dev.bulwark.runtime.EventStream
import dev.bulwark.runtime.RequestOptions
import dev.bulwark.runtime.paging.Page
import com.github.tomakehurst.wiremock.stubbing.Scenario
import java.time.Duration
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.TimeUnit
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

/** Pages in a `for` loop, sync and async, event streams and downloads inside `use {}`, lambdas, servers. */
@WireMockTest
class KotlinPagingAndStreamingTest {

    private fun article(id: String) = """{"id": "$id", "title": "About $id"}"""

    @Test
    fun autoPagerInAForLoopAndAsync(server: WireMockRuntimeInfo) {
        server.wireMock.register(get(urlPathEqualTo("/articles")).withQueryParam("cursor", absent())
            .willReturn(okJson("""{"data": [${article("a1")}, ${article("a2")}], "next_cursor": "c2"}""")))
        server.wireMock.register(get(urlPathEqualTo("/articles")).withQueryParam("cursor", equalTo("c2"))
            .willReturn(okJson("""{"data": [${article("a3")}], "has_more": false}""")))

        FeedsClient.builder().baseUrl(server.httpBaseUrl).build().use { client ->
            val titles = mutableListOf<String>()
            for (article in client.articles().listArticlesPages(ListArticlesParams.builder().limit(2).build()).autoPager()) {
                titles += article.title
            }
            assertEquals(listOf("About a1", "About a2", "About a3"), titles)

            val first: Page<Article> = client.articles().listArticlesPages(ListArticlesParams.builder().build())
            val nextCursorPage: Page<Article>? = if (first.hasNextPage()) first.nextPage() else null
            assertEquals(listOf("a3"), nextCursorPage?.items()?.map { it.id })

            val seen = CopyOnWriteArrayList<String>()
            client.articles().listArticlesPagesAsync(ListArticlesParams.builder().build(), RequestOptions.none())
                .thenCompose { page -> page.autoPager().forEachAsync { seen.add(it.id) } }
                .get(5, TimeUnit.SECONDS)
            assertEquals(listOf("a1", "a2", "a3"), seen)
        }
    }

    @Test
    fun lambdasForListenersAndTime(server: WireMockRuntimeInfo) {
        server.wireMock.register(get(urlPathEqualTo("/articles")).inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("up")
            .willReturn(aResponse().withStatus(503)))
        server.wireMock.register(get(urlPathEqualTo("/articles")).inScenario("flaky").whenScenarioStateIs("up")
            .willReturn(okJson("""{"data": []}""")))
        val retries = mutableListOf<String>()
        val waits = mutableListOf<Duration>()
        FeedsClient.builder().baseUrl(server.httpBaseUrl)
            .eventListener { event ->
                if (event is CallEvent.RetryScheduled) {
                    retries += "${event.call().operationId()} #${event.nextAttempt()} after ${event.reason()}"
                }
            }
            .sleeper { waits += it }
            .build().use { client ->
                client.articles().listArticles()
            }
        assertEquals(listOf("listArticles #2 after HTTP 503"), retries)
        assertEquals(1, waits.size)
    }

    @Test
    fun transfersAndServers(server: WireMockRuntimeInfo) {
        val png = byteArrayOf(0x89.toByte(), 'P'.code.toByte(), 'N'.code.toByte(), 'G'.code.toByte())
        server.wireMock.register(get(urlPathEqualTo("/pets/7/photo")).willReturn(aResponse()
            .withHeader("Content-Type", "image/png").withBody(png)))
        server.wireMock.register(com.github.tomakehurst.wiremock.client.WireMock.put(urlPathEqualTo("/pets/7/photo"))
            .willReturn(aResponse().withStatus(204)))

        PetStoreClient.builder().baseUrl(server.httpBaseUrl).build().use { client ->
            val bytes = client.pets().getPetPhoto(7L).use { photo: BinaryResponse ->
                assertEquals("image/png", photo.contentType())
                photo.bytes()
            }
            assertEquals(png.toList(), bytes.toList())
            client.pets().uploadPetPhoto(7L, BinaryBody.of(png).withContentType("image/png"))
        }
        assertEquals("https://us.feeds.example.com/v1", FeedsClient.REGIONAL_SERVER.with("region", "us").url())
    }

    @Test
    fun eventsInUse(server: WireMockRuntimeInfo) {
        server.wireMock.register(post(urlPathEqualTo("/activity")).willReturn(aResponse()
            .withHeader("Content-Type", "text/event-stream")
            .withBody("data: {\"kind\": \"created\", \"articleId\": \"a1\"}\n\ndata: {\"kind\": \"deleted\"}\n\ndata: [DONE]\n\n")))

        FeedsClient.builder().baseUrl(server.httpBaseUrl).build().use { client ->
            val kinds = mutableListOf<String>()
            client.events().streamActivity("news").use { events: EventStream<Activity> ->
                for (event in events) {
                    kinds += when (event.kind.known()) {
                        ActivityKind.Known.CREATED -> "new ${event.articleId}"
                        ActivityKind.Known.UPDATED -> "changed"
                        ActivityKind.Known.DELETED -> "gone"
                        ActivityKind.Known._UNKNOWN -> "?"
                    }
                }
            }
            assertEquals(listOf("new a1", "gone"), kinds)
        }
    }
}
