<?php
// bastion-fixture: app/Http/Controllers/ReportController.php
namespace App\Http\Controllers;

use App\Models\Report;
use Illuminate\Http\Request;

class ReportController extends Controller
{
    public function store(Request $request)
    {
// expect: mass-assignment
        $report = Report::create($request->all() + ['owner_id' => $request->user()->id]);
        return response()->json($report, 201);
    }

    public function update(Request $request, Report $report)
    {
// expect: mass-assignment
        $report->update(array_merge($request->all(), ['edited_by' => $request->user()->id]));
        return response()->json($report);
    }
}
