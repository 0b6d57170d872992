package com.acme.analytics.exports

import freemarker.template.Configuration
import freemarker.template.Template
import org.springframework.beans.factory.annotation.Value
import org.springframework.http.HttpStatus
import org.springframework.http.MediaType
import org.springframework.http.ResponseEntity
import org.springframework.jdbc.core.JdbcTemplate
import org.springframework.stereotype.Service
import org.springframework.web.bind.annotation.PathVariable
import org.springframework.web.bind.annotation.PostMapping
import org.springframework.web.bind.annotation.RequestBody
import org.springframework.web.bind.annotation.RequestMapping
import org.springframework.web.bind.annotation.RestController
import java.io.StringReader
import java.io.StringWriter
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.nio.file.attribute.PosixFilePermissions
import java.time.LocalDate
import javax.script.ScriptEngineManager

data class MetricRow(val day: LocalDate, val orders: Long, val revenue: Double, val refunds: Double)

data class DerivedColumn(val name: String, val formula: String)

data class ExportSpec(
    val from: LocalDate,
    val to: LocalDate,
    val columns: List<DerivedColumn> = emptyList(),
    val headerTemplate: String? = null,
    val layout: String = "standard",
)

@Service
class ExportRenderer(
    private val jdbc: JdbcTemplate,
    private val freemarker: Configuration,
    @Value("\${exports.dir:/srv/analytics/exports}") private val exportDir: String,
) {
    private val layouts = setOf("standard", "compact", "finance")
    private val engine = ScriptEngineManager().getEngineByName("javascript")

    fun rows(spec: ExportSpec): List<MetricRow> =
        jdbc.query(
            "SELECT day, orders, revenue, refunds FROM daily_metrics WHERE day BETWEEN ? AND ? ORDER BY day",
            { rs, _ -> MetricRow(rs.getDate("day").toLocalDate(), rs.getLong("orders"), rs.getDouble("revenue"), rs.getDouble("refunds")) },
            spec.from, spec.to,
        )

    fun derivedValue(row: MetricRow, column: DerivedColumn): Any? {
        val bindings = engine.createBindings().apply {
            put("orders", row.orders)
            put("revenue", row.revenue)
            put("refunds", row.refunds)
        }
        return engine.eval(column.formula, bindings) // vuln: CWE-95
    }

    fun header(spec: ExportSpec, model: Map<String, Any>): String {
        val out = StringWriter()
        if (spec.headerTemplate != null) {
            val tpl = Template("custom-header", StringReader(spec.headerTemplate), freemarker)
            tpl.process(model, out) // vuln: CWE-1336
        } else {
            val layout = if (spec.layout in layouts) spec.layout else "standard"
            freemarker.getTemplate("exports/$layout-header.ftl").process(model, out) // safe: CWE-1336
        }
        return out.toString()
    }

    fun write(owner: String, spec: ExportSpec): Path {
        val rows = rows(spec)
        val csv = StringBuilder(header(spec, mapOf("owner" to owner, "from" to spec.from, "to" to spec.to)))
        csv.append("day,orders,revenue,refunds")
        spec.columns.forEach { csv.append(',').append(it.name) }
        csv.append('\n')
        for (row in rows) {
            csv.append("${row.day},${row.orders},${row.revenue},${row.refunds}")
            spec.columns.forEach { csv.append(',').append(derivedValue(row, it)) }
            csv.append('\n')
        }
        val dir = Files.createDirectories(Paths.get(exportDir, owner.filter { it.isLetterOrDigit() }))
        val file = dir.resolve("metrics-${spec.from}-${spec.to}.csv")
        Files.writeString(file, csv)
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-")) // vuln: CWE-732
        return file
    }
}

@RestController
@RequestMapping("/api/exports")
class ExportController(private val renderer: ExportRenderer) {

    @PostMapping("/{owner}/metrics", produces = [MediaType.TEXT_PLAIN_VALUE])
    fun export(@PathVariable owner: String, @RequestBody spec: ExportSpec): ResponseEntity<String> {
        if (spec.to.isBefore(spec.from) || spec.from.plusYears(1).isBefore(spec.to)) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).body("invalid range")
        }
        val file = renderer.write(owner, spec)
        return ResponseEntity.status(HttpStatus.CREATED).body(file.fileName.toString())
    }
}
