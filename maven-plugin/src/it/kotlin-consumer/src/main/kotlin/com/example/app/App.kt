package com.example.app

import com.example.pets.PetsClient
import com.example.pets.model.Pet

/** Kotlin main code calling the generated Java client: compiled by kotlinc before javac, against its sources. */
fun describe(pet: Pet): String = "${pet.name} (${pet.tag ?: "no tag"})"

fun main() {
    val pet = Pet.builder().id(7L).name("Rex").build()
    println(describe(pet))
    PetsClient.builder().baseUrl("http://localhost:1").build().use { client ->
        println(client.pets()::class.simpleName)
    }
}
