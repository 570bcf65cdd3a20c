// SPDX-License-Identifier: GPL-3.0-or-later
// The benchmark families, one file each (tests/bench/README.md says what each figure means).
// BenchMain.cpp registers them in this order, which is the order they run and are reported in.
#pragma once

namespace wb::bench {

void registerUnlockBenchmarks();       // UnlockBench.cpp: key derivation, unlock, unlock to Today
void registerCaseListBenchmarks();     // CaseListBench.cpp: the case list's page, its floor, every case
void registerCasesTabBenchmarks();     // CasesTabBench.cpp: the Cases tab through its model (GUI builds only)
void registerOpenCaseBenchmarks();     // OpenCaseBench.cpp: everything a case window reads
void registerTodayBenchmarks();        // TodayBench.cpp: Today, after a change, the due list rebuilt
void registerSaveBenchmarks();         // SaveBench.cpp: saves with synchronous=FULL and the fsync floor
void registerSearchBenchmarks();       // SearchBench.cpp: full-text search and person lookup
void registerMemoryBenchmarks();       // MemoryBench.cpp: peak resident memory
void registerPersonRecordBenchmarks(); // PersonRecordBench.cpp: every person read for matching (issue 16)
void registerMatchBenchmarks();        // MatchBench.cpp: one person's candidates, name lookup, the whole scan

} // namespace wb::bench
