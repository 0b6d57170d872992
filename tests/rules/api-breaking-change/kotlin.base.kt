package com.acme.billing.web

import com.acme.billing.InvoiceService
import com.acme.billing.InvoiceView
import org.springframework.web.bind.annotation.GetMapping
import org.springframework.web.bind.annotation.PathVariable
import org.springframework.web.bind.annotation.PostMapping
import org.springframework.web.bind.annotation.RequestMapping
import org.springframework.web.bind.annotation.RestController

@RestController
@RequestMapping("/api/invoices")
class InvoiceController(private val invoices: InvoiceService) {
    @GetMapping("/{invoiceId}")
    fun get(@PathVariable invoiceId: Long): InvoiceView = invoices.view(invoiceId)

    @PostMapping("/{invoiceId}/send")
    fun send(@PathVariable invoiceId: Long) = invoices.send(invoiceId)
}
