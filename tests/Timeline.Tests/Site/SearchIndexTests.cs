using System.Runtime.InteropServices;
using System.Text.Json;
using Timeline.Diagnostics;
using Timeline.Output.Search;
using Timeline.Output;
using Timeline.Pipeline;
using Timeline.Tests.Support;
using Timeline.Views;

namespace Timeline.Tests.Site;

/// <summary>
/// The search index: Pagefind runs over the staged site when it is installed, indexes only what is marked for it,
/// and when it is missing or fails the build says so plainly, and a failure leaves the previous output alone.
/// </summary>
public sealed class SearchIndexTests : IClassFixture<SearchIndexTests.BasicSite>
{
    private readonly TestSite _site;

    public SearchIndexTests(BasicSite fixture)
    {
        _site = fixture.Site;
    }

    public sealed class BasicSite : IDisposable
    {
        public TestSite Site { get; } = TestSite.Build("valid/basic");

        public void Dispose() => Site.Dispose();
    }

    /// <summary>
    /// Builds that share one cache folder (sites under one parent folder, parallel test builds) may store their index
    /// at the same time: a build replacing the cached index leaves another build's fresh staging folder alone, and
    /// removes only staging folders old enough to have been left by a build that stopped.
    /// </summary>
    [Fact]
    public void Storing_the_index_keeps_another_builds_fresh_staging_folder_and_removes_stale_ones()
    {
        var folder = TestSite.NewFolder();
        try
        {
            CopyFixture(Path.Combine(Repository.Sites, "valid", "basic", "input"), Path.Combine(folder, "input"));
            Build(folder);
            var search = Path.Combine(folder, ".timeline-cache", "search");
            var first = Assert.Single(Directory.EnumerateDirectories(search));
            var fresh = Directory.CreateDirectory(Path.Combine(search, "another-key.tmp-0123")).FullName;
            File.WriteAllText(Path.Combine(fresh, "pagefind.js"), "being copied by another build");
            var stale = Directory.CreateDirectory(Path.Combine(search, "old-key.tmp-4567")).FullName;
            Directory.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-2));

            // A changed page makes a new index, which replaces the cached one.
            var path = Directory.EnumerateFiles(Path.Combine(folder, "input", "events"), "*.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
            File.WriteAllText(path, File.ReadAllText(path).Replace("title: ", "title: Changed ", StringComparison.Ordinal));
            Build(folder);

            Assert.True(Directory.Exists(fresh), "Another build's fresh staging folder was removed.");
            Assert.False(Directory.Exists(stale), "A staging folder left two hours ago was kept.");
            Assert.False(Directory.Exists(first), "The index of the earlier pages was kept.");
            Assert.Single(Directory.EnumerateDirectories(search), d => !d.Contains(".tmp-", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Build(string folder)
    {
        var result = Timeline.Pipeline.TimelineBuilder.Build(new Timeline.Pipeline.BuildOptions(
            Path.Combine(folder, "input"), Repository.Theme, Path.Combine(folder, "output"), null, folder) { ToolsFolder = Repository.Root });
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.True(File.Exists(Path.Combine(folder, "output", "pagefind", "en", "0", "pagefind.js")));
    }

    private static void CopyFixture(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Fact]
    public void Pagefind_writes_its_index_and_script_beside_the_pages()
    {
        _site.AssertSucceeded();
        using var list = JsonDocument.Parse(_site.Read("pagefind/shards.json"));
        var shards = list.RootElement.GetProperty("en").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.Equal("en/0/", shards[0]);
        Assert.True(_site.Exists("pagefind/en/0/pagefind.js"));
        Assert.All(shards, shard =>
        {
            Assert.True(_site.Exists($"pagefind/{shard}pagefind-entry.json"));
            Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(_site.Output, "pagefind", shard, "fragment")));
            Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(_site.Output, "pagefind", shard, "index")));
        });
        Assert.Empty(Directory.EnumerateDirectories(Path.GetDirectoryName(_site.Output)!, ".output.*"));
    }

    [Fact]
    public void Only_events_entity_pages_content_pages_and_source_pages_are_indexed()
    {
        var site = _site.Result.Site!;
        var marked = Directory.EnumerateFiles(_site.Output, "*.html", SearchOption.AllDirectories)
            .Where(file => File.ReadAllText(file).Contains(" data-pagefind-body", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(_site.Output, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var expected = site.Events.Select(e => $"events/{e.Id}/index.html")
            .Concat(site.Entities.Select(e => $"{Timeline.Model.SiteUrls.EntityFolder(e.Entity.Kind)}/{e.Entity.Id}/index.html"))
            .Concat(site.Pages.Select(p => $"{p.Page.Id}/index.html"))
            .Concat(site.Sources.Select(s => $"sources/{s.Id}/index.html"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(expected, marked);
        using var list = JsonDocument.Parse(_site.Read("pagefind/shards.json"));
        var indexed = list.RootElement.GetProperty("en").EnumerateArray().Sum(shard =>
        {
            using var entry = JsonDocument.Parse(_site.Read($"pagefind/{shard.GetString()}pagefind-entry.json"));
            return entry.RootElement.GetProperty("languages").GetProperty("en").GetProperty("page_count").GetInt32();
        });
        Assert.Equal(expected.Count, indexed);
    }

    [Fact]
    public void A_source_page_is_found_by_the_source_not_by_the_sentences_that_cite_it_which_their_events_hold()
    {
        var html = _site.Read("sources/report-a/index.html");

        Assert.Contains("<article class=\"source-page\" data-pagefind-body data-pagefind-meta=\"kind:Source\">", html, StringComparison.Ordinal);
        Assert.Contains("<section class=\"source-cited\" aria-labelledby=\"cited-title\" data-pagefind-ignore>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_of_other_events_and_the_previous_and_next_links_are_kept_out_of_an_events_text()
    {
        var html = _site.Read("events/letter-sent/index.html");

        Assert.Contains("<section class=\"connected\" aria-labelledby=\"related-title\" data-pagefind-ignore>", html, StringComparison.Ordinal);
        Assert.Contains("<ul class=\"event-nav\" data-pagefind-ignore>", html, StringComparison.Ordinal);
        Assert.Contains("<nav class=\"prev-next\" aria-label=\"Previous and next event\" data-pagefind-ignore>", html, StringComparison.Ordinal);
        Assert.Contains("data-pagefind-meta=\"date:3 September 2020\"", html, StringComparison.Ordinal);
        Assert.Contains("data-pagefind-filter=\"year:2020\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void What_pagefind_keeps_of_an_event_is_its_text_not_the_citation_share_and_embed_blocks_every_event_has()
    {
        // Judged by Pagefind's own record of the page: the citations repeat the title three times, and the share and
        // embed blocks are the same words on every event, so every search for "link" or "citation" found them all.
        var (content, anchors) = IndexedText("/events/letter-sent/");

        Assert.Contains("The letter is sent", content, StringComparison.Ordinal);
        Assert.Contains("The letter was sent", content, StringComparison.Ordinal);
        foreach (var boilerplate in new[] { "Cite this entry", "APA", "BibTeX", "Share this entry", "Copy link", "Bluesky", "Embed this entry", "no tracking" })
        {
            Assert.DoesNotContain(boilerplate, content, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(anchors, id => id is "cite-title" or "share-title" or "embed-title" or "share-url" or "embed-code");
    }

    [Fact]
    public void The_search_page_has_a_labelled_form_its_script_and_the_bundle_under_the_base_path()
    {
        var html = _site.Read("search/index.html");

        Assert.Contains("data-pagefind-bundle=\"/memorial/pagefind/\"", html, StringComparison.Ordinal);
        Assert.Contains("<form class=\"search-form\" role=\"search\" action=\"/memorial/search/\" method=\"get\" hidden>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"search-query\">", html, StringComparison.Ordinal);
        Assert.Contains("<input id=\"search-query\" name=\"q\" type=\"search\"", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"search-status\" role=\"status\"></p>", html, StringComparison.Ordinal);
        Assert.Contains("<script type=\"module\" src=\"/memorial/assets/search.js\"></script>", html, StringComparison.Ordinal);
        Assert.Contains("Search needs JavaScript", html, StringComparison.Ordinal);
        Assert.True(_site.Exists("assets/search.js"));
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_page_links_to_the_search_page_in_the_site_navigation()
    {
        // Embed cards (embed.liquid) have no site navigation: they are framed by other sites.
        foreach (var file in Directory.EnumerateFiles(_site.Output, "*.html", SearchOption.AllDirectories).Where(f => !f.Contains("/embed/", StringComparison.Ordinal)))
        {
            Assert.Contains("<li><a href=\"/memorial/search/\"", File.ReadAllText(file), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Without_pagefind_the_site_builds_with_a_warning_that_says_how_to_install_it()
    {
        var empty = ToolsWithFonts();
        using var site = TestSite.Build("valid/basic", toolsFolder: empty);

        Assert.True(site.Result.Succeeded, string.Join('\n', site.Errors));
        var warning = Assert.Single(site.Result.Diagnostics);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("TL0800", warning.Code);
        Assert.Contains("npm ci --ignore-scripts", warning.Message, StringComparison.Ordinal);
        Assert.Contains("/node_modules/@pagefind/", warning.Path, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(site.Output, "pagefind")));
        site.AssertFileContains("search/index.html", "Search is not available on this copy of the site.");
        site.AssertFileDoesNotContain("search/index.html", "<script");
        site.AssertFileDoesNotContain("search/index.html", "<form");
        Directory.Delete(empty, recursive: true);
    }

    [Fact]
    public void A_failing_pagefind_fails_the_build_with_its_message_and_leaves_the_previous_output()
    {
        using var first = TestSite.Build("valid/basic");
        first.AssertSucceeded();
        var before = Snapshot(first.Output);
        var tools = FakePagefind("#!/bin/sh\necho 'Indexing...'\necho 'Error: the index could not be written' >&2\nexit 3\n");

        var second = TestSite.BuildIn(first.Folder, toolsFolder: tools);

        var error = Assert.Single(second.Result.Diagnostics);
        Assert.Equal("TL0801", error.Code);
        Assert.Contains("exit code 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("Error: the index could not be written", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(first.Output));
        Assert.Empty(Directory.EnumerateDirectories(first.Folder, ".output.*"));
        Directory.Delete(tools, recursive: true);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Pagefind_stopped_because_the_build_failed_meanwhile_reports_nothing_and_is_gone(int runs)
    {
        // Pagefind runs while links are checked and share images made; a failure there stops it, every run of it.
        var folder = TestSite.NewFolder();
        var pids = Path.Combine(folder, "pids");
        var tools = FakePagefind($"#!/bin/sh\necho $$ >> '{pids}'\nexec sleep 600\n");
        var program = Directory.EnumerateFiles(tools, "pagefind_extended", SearchOption.AllDirectories).Single();
        var site = Path.Combine(folder, "site");
        Directory.CreateDirectory(site);
        File.WriteAllText(Path.Combine(site, "index.html"), "<html><body><p>Words.</p></body></html>");
        var bundles = Enumerable.Range(0, runs).Select(b => new PagefindIndexer.Bundle($"pagefind/en/{b}", ["index.html"], Primary: b == 0)).ToList();
        using var stop = new CancellationTokenSource();
        var diagnostics = new DiagnosticBag();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var indexing = Task.Run(() => new PagefindIndexer(program).Index(site, bundles, diagnostics, "pagefind", stop.Token, runs));
        string[] Started() => File.Exists(pids) ? File.ReadAllLines(pids).Where(l => l.Trim().Length > 0).ToArray() : [];
        while (Started().Length < runs)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "Pagefind's stand-in never started");
            await Task.Delay(20);
        }

        stop.Cancel();
        Assert.Same(indexing, await Task.WhenAny(indexing, Task.Delay(TimeSpan.FromSeconds(30))));
        Assert.False(await indexing);
        Assert.True(diagnostics.IsEmpty, string.Join('\n', diagnostics.Sorted()));
        Assert.All(Started(), pid => Assert.False(Directory.Exists($"/proc/{pid.Trim()}"), $"Pagefind ({pid.Trim()}) is still running"));
        Directory.Delete(tools, recursive: true);
    }

    [Fact]
    public void A_build_whose_links_fail_while_pagefind_runs_reports_the_links_alone_and_leaves_the_previous_output()
    {
        using var first = TestSite.BuildWithTemplate("event.liquid", File.ReadAllText(Path.Combine(Repository.Theme, "templates", "event.liquid")));
        first.AssertSucceeded();
        var before = Snapshot(first.Output);
        File.AppendAllText(Path.Combine(first.Folder, "theme", "templates", "event.liquid"), "<a href=\"/nowhere/\">nowhere</a>\n");
        var tools = FakePagefind("#!/bin/sh\nexec sleep 600\n");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var second = TestSite.BuildIn(first.Folder, toolsFolder: tools);

        // Not Pagefind's time limit (two minutes), nor an error of its own: it was stopped.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"the build took {clock.Elapsed}");
        Assert.Equal("TL0402", second.SingleError().Code);
        Assert.Equal(before, Snapshot(first.Output));
        Assert.DoesNotContain(Directory.EnumerateDirectories(first.Folder, ".output.*"), d => !d.EndsWith(".spare", StringComparison.Ordinal));
        Directory.Delete(tools, recursive: true);
    }

    [Fact]
    public void A_pagefind_that_runs_out_of_disk_space_is_reported_in_plain_words()
    {
        TestSite.Build("valid/basic").AssertSucceeded();
        using var first = TestSite.Build("valid/basic");
        var before = Snapshot(first.Output);

        // What Pagefind 1.x prints when a write fails for want of space: Rust's panic and a backtrace hint.
        var tools = FakePagefind("#!/bin/sh\n"
            + "echo \"thread 'main' panicked at pagefind/src/output/mod.rs:120:58:\" >&2\n"
            + "echo 'called `Result::unwrap()` on an `Err` value: Os { code: 28, kind: StorageFull, message: \"No space left on device\" }' >&2\n"
            + "echo 'note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace' >&2\nexit 101\n");
        var second = TestSite.BuildIn(first.Folder, toolsFolder: tools);

        var error = second.SingleError();
        Assert.Equal("TL0512", error.Code);
        Assert.StartsWith("there is no space left on the disk that holds", error.Message, StringComparison.Ordinal);
        Assert.Contains("free some space and build again", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("panicked", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("BACKTRACE", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("npm ci", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(first.Output));
        Directory.Delete(tools, recursive: true);
    }

    [Fact]
    public void A_write_that_fails_for_want_of_space_is_told_apart_from_other_failures()
    {
        // /dev/full answers every write with ENOSPC, as a full disk does.
        var full = Assert.Throws<IOException>(() => File.WriteAllBytes("/dev/full", new byte[4096]));
        Assert.True(Timeline.Output.OutputWriter.IsDiskFull(full), $"HResult {full.HResult}: {full.Message}");

        var denied = Assert.ThrowsAny<IOException>(() => File.ReadAllBytes(Path.Combine(TestSite.NewFolder(), "missing")));
        Assert.False(Timeline.Output.OutputWriter.IsDiskFull(denied));
    }

    [Fact]
    public void A_pagefind_that_cannot_be_run_is_an_error_not_a_crash()
    {
        var tools = FakePagefind("#!/bin/sh\nexit 0\n", executable: false);
        using var site = TestSite.Build("valid/basic", toolsFolder: tools);

        Assert.Equal("TL0802", site.SingleError().Code);
        Assert.False(Directory.Exists(site.Output));
        Directory.Delete(tools, recursive: true);
    }

    [Fact]
    public void A_pagefind_that_succeeds_without_writing_its_script_is_an_error()
    {
        var tools = FakePagefind(FakeService(writeFiles: false));
        using var site = TestSite.Build("valid/basic", toolsFolder: tools);

        Assert.Equal("TL0804", site.SingleError().Code);
        Assert.Contains("pagefind/en/0/pagefind.js", site.SingleError().Message, StringComparison.Ordinal);
        Directory.Delete(tools, recursive: true);
    }

    [Fact]
    public void Pagefind_runs_again_only_when_a_page_changed()
    {
        var (first, tools, runs) = BuiltWithCountedPagefind();
        using var site = first;
        Assert.Single(File.ReadAllLines(runs));

        var second = TestSite.BuildIn(first.Folder, toolsFolder: tools);
        second.AssertSucceeded();
        Assert.Single(File.ReadAllLines(runs));
        Assert.Equal("// index\n", File.ReadAllText(Path.Combine(first.Output, "pagefind", "en", "0", "pagefind.js")));

        var record = Path.Combine(first.Folder, "input", "events", "2020", "letter-sent.yml");
        File.WriteAllText(record, File.ReadAllText(record).Replace("The letter is sent", "The letter went out", StringComparison.Ordinal));
        var third = TestSite.BuildIn(first.Folder, toolsFolder: tools);
        third.AssertSucceeded();
        Assert.Equal(2, File.ReadAllLines(runs).Length);
        Directory.Delete(tools, recursive: true);
    }

    [Fact]
    public void Another_Pagefind_program_indexes_again_though_no_page_changed()
    {
        // The program's bytes key each shard: what another release of Pagefind makes of the same pages may differ.
        var (first, tools, runs) = BuiltWithCountedPagefind();
        using var site = first;
        TestSite.BuildIn(first.Folder, toolsFolder: tools).AssertSucceeded();
        Assert.Single(File.ReadAllLines(runs));

        // The same service with one more line: another program, which makes the same pages' index again.
        var program = Directory.EnumerateFiles(tools, "pagefind_extended", SearchOption.AllDirectories).Single();
        File.AppendAllText(program, "// another release\n");
        TestSite.BuildIn(first.Folder, toolsFolder: tools).AssertSucceeded();
        Assert.Equal(2, File.ReadAllLines(runs).Length);
        TestSite.BuildIn(first.Folder, toolsFolder: tools).AssertSucceeded();
        Assert.Equal(2, File.ReadAllLines(runs).Length);
        Directory.Delete(tools, recursive: true);
    }

    [Fact]
    public void A_pagefind_that_hangs_is_stopped_and_reported()
    {
        var tools = FakePagefind("#!/bin/sh\nexec sleep 60\n");
        var program = Directory.EnumerateFiles(tools, "pagefind_extended", SearchOption.AllDirectories).Single();
        var folder = TestSite.NewFolder();
        var diagnostics = new DiagnosticBag();

        var indexed = new PagefindIndexer(program, TimeSpan.FromSeconds(1)).Index(folder, diagnostics, "pagefind");
        Assert.False(File.Exists(Path.Combine(folder, "pagefind", "pagefind.js")));

        Assert.False(indexed);
        Assert.Equal("TL0803", Assert.Single(diagnostics.Sorted()).Code);
        Directory.Delete(tools, recursive: true);
        Directory.Delete(folder);
    }

    [Fact]
    public void The_same_pages_give_the_same_index_whatever_order_they_were_written_in_and_on_any_file_system()
    {
        // Where the file system lists a folder in the order its entries were made (tmpfs, as /dev/shm is), a build's
        // pages, written in parallel, reached Pagefind in a different order each time, and the index differed; on
        // ext4 a folder lists by a hash of the names, so the same pages gave another index there again.
        var memory = Directory.Exists("/dev/shm") ? Path.Combine("/dev/shm", "timeline-tests", Guid.NewGuid().ToString("N")) : TestSite.NewFolder();
        var disk = TestSite.NewFolder();
        var pagefind = PagefindIndexer.Locate((new BuildOptions(disk, Repository.Theme, disk, null, disk) { ToolsFolder = Repository.Root }).LocateTools(), Repository.Root, out _)!;
        var ids = Enumerable.Range(0, 60).Select(i => $"event-{i:D2}").ToList();
        try
        {
            var indexes = new List<Dictionary<string, byte[]>>();
            foreach (var (order, scratch) in new[] { (ids, memory), (Enumerable.Reverse(ids).ToList(), memory), (Enumerable.Reverse(ids).ToList(), disk) })
            {
                var site = Path.Combine(scratch, $"site-{indexes.Count}");
                foreach (var id in order)
                {
                    var page = Path.Combine(site, "events", id, "index.html");
                    Directory.CreateDirectory(Path.GetDirectoryName(page)!);
                    File.WriteAllText(page, $"<!DOCTYPE html><html lang=\"en\"><head><title>{id}</title></head><body><main data-pagefind-body><h1>{id}</h1><p>Words of {id}: {string.Join(' ', Enumerable.Repeat(id, 3))} and the letter.</p></main></body></html>");
                }

                var diagnostics = new DiagnosticBag();
                Assert.True(pagefind.Index(site, diagnostics, "pagefind"), string.Join('\n', diagnostics.Sorted()));
                var bundle = Path.Combine(site, PagefindIndexer.BundleFolder);
                indexes.Add(Directory.EnumerateFiles(bundle, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(bundle, f), File.ReadAllBytes));
            }

            foreach (var other in indexes.Skip(1))
            {
                Assert.Equal(indexes[0].Keys.Order(StringComparer.Ordinal), other.Keys.Order(StringComparer.Ordinal));
                Assert.All(indexes[0], file => Assert.True(file.Value.SequenceEqual(other[file.Key]), $"pagefind/{file.Key} differs"));
            }
        }
        finally
        {
            Directory.Delete(memory, recursive: true);
            Directory.Delete(disk, recursive: true);
        }
    }

    /// <summary>
    /// The build hands Pagefind each page without the ignored regions it may leave out (on an event page of a large
    /// site, half of it): Pagefind makes the same index of the whole pages, file for file.
    /// </summary>
    [Fact]
    public void Pagefind_makes_the_same_index_of_the_whole_pages_as_of_what_the_build_hands_it()
    {
        using var site = TestSite.Build("valid/translations");
        site.AssertSucceeded();
        var pagefind = PagefindIndexer.Locate((new BuildOptions(site.Folder, Repository.Theme, site.Output, null, site.Folder) { ToolsFolder = Repository.Root }).LocateTools(), Repository.Root, out _)!;
        var pages = Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.Output, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        // Something is left out: a fifth or more of some pages.
        var least = pages.Min(p => SearchPage.ForIndex(File.ReadAllBytes(Path.Combine(site.Output, p))).Length / (double)new FileInfo(Path.Combine(site.Output, p)).Length);
        Assert.True(least < 0.8, $"at least {least:P0} of every page is handed to Pagefind");

        // Events' structured data, a script inside the marked body, is among what is left out.
        Assert.Contains(pages, p => File.ReadAllText(Path.Combine(site.Output, p)).Contains("<article class=\"event\" data-pagefind-body", StringComparison.Ordinal)
            && File.ReadAllText(Path.Combine(site.Output, p)).Contains("application/ld+json", StringComparison.Ordinal)
            && !System.Text.Encoding.UTF8.GetString(SearchPage.ForIndex(File.ReadAllBytes(Path.Combine(site.Output, p)))).Contains("application/ld+json", StringComparison.Ordinal));

        // One run of Pagefind's service makes both indexes, the pages in the same order.
        var folder = TestSite.NewFolder();
        var start = new System.Diagnostics.ProcessStartInfo(pagefind.Executable, ["--service"]) { RedirectStandardInput = true, RedirectStandardOutput = true, WorkingDirectory = folder };
        using var process = System.Diagnostics.Process.Start(start)!;
        var service = new PagefindService(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
        void Await(int id) => service.Answer(id).Dispose();
        var (whole, handed) = (service.NewIndex(), service.NewIndex());
        foreach (var page in pages)
        {
            var bytes = File.ReadAllBytes(Path.Combine(site.Output, page));
            Await(service.AddFile(whole, page, bytes));
            Await(service.AddFile(handed, page, SearchPage.ForIndex(bytes)));
        }

        Await(service.WriteFiles(whole, Path.Combine(folder, "whole")));
        Await(service.WriteFiles(handed, Path.Combine(folder, "handed")));
        process.StandardInput.Close();
        process.WaitForExit();

        var files = Directory.EnumerateFiles(Path.Combine(folder, "whole"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Path.Combine(folder, "whole"), f)).Order(StringComparer.Ordinal).ToList();
        Assert.Contains(files, f => f.StartsWith("fragment", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("filter", StringComparison.Ordinal));
        Assert.Equal(files, Directory.EnumerateFiles(Path.Combine(folder, "handed"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Path.Combine(folder, "handed"), f)).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.True(File.ReadAllBytes(Path.Combine(folder, "whole", f)).SequenceEqual(File.ReadAllBytes(Path.Combine(folder, "handed", f))), $"pagefind/{f} differs"));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Shards_shared_among_several_runs_of_pagefind_give_the_same_index_as_one_run()
    {
        // Each shard is made by one run alone: how many runs there are (one per core) must not show in any file.
        var pagefind = PagefindIndexer.Locate((new BuildOptions(TestSite.NewFolder(), Repository.Theme, TestSite.NewFolder(), null, TestSite.NewFolder()) { ToolsFolder = Repository.Root }).LocateTools(), Repository.Root, out _)!;
        var sizes = new[] { 9, 2, 5, 1, 7 };
        var indexes = new List<Dictionary<string, byte[]>>();
        foreach (var runs in new[] { 1, 3, 5 })
        {
            var site = TestSite.NewFolder();
            var bundles = new List<PagefindIndexer.Bundle>();
            for (var b = 0; b < sizes.Length; b++)
            {
                var pages = new List<string>();
                for (var i = 0; i < sizes[b]; i++)
                {
                    var page = $"events/shard-{b}-event-{i}/index.html";
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(site, page))!);
                    File.WriteAllText(Path.Combine(site, page), $"<!DOCTYPE html><html lang=\"en\"><head><title>{b} {i}</title></head><body><main data-pagefind-body><h1>Event {i} of shard {b}</h1><p>Words of shard{b} and letter{i}.</p></main></body></html>");
                    pages.Add(page);
                }

                bundles.Add(new PagefindIndexer.Bundle($"{PagefindIndexer.BundleFolder}/en/{b}", pages, Primary: b == 0));
            }

            var diagnostics = new DiagnosticBag();
            Assert.True(pagefind.Index(site, bundles, diagnostics, "pagefind", runs: runs), string.Join('\n', diagnostics.Sorted()));
            var bundle = Path.Combine(site, PagefindIndexer.BundleFolder);
            indexes.Add(Directory.EnumerateFiles(bundle, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(bundle, f), File.ReadAllBytes));
            Directory.Delete(site, recursive: true);
        }

        Assert.All(Enumerable.Range(0, sizes.Length), b => Assert.Contains(Path.Combine("en", b.ToString(System.Globalization.CultureInfo.InvariantCulture), "pagefind-entry.json"), indexes[0].Keys));
        foreach (var other in indexes.Skip(1))
        {
            Assert.Equal(indexes[0].Keys.Order(StringComparer.Ordinal), other.Keys.Order(StringComparer.Ordinal));
            Assert.All(indexes[0], file => Assert.True(file.Value.SequenceEqual(other[file.Key]), $"pagefind/{file.Key} differs"));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void Runs_of_pagefind_get_every_shard_once_in_order_and_about_the_same_number_of_pages(int runs)
    {
        var sizes = new[] { 170, 12, 168, 171, 3, 90, 169 };
        var bundles = sizes.Select((n, b) => new PagefindIndexer.Bundle($"s{b}", Enumerable.Range(0, n).Select(i => $"p{b}-{i}.html").ToList(), b == 0)).ToList();

        var shared = PagefindIndexer.Share(bundles, runs);

        Assert.Equal(Math.Min(runs, sizes.Length), shared.Count);
        Assert.Equal(bundles.Select(b => b.Folder).Order(StringComparer.Ordinal), shared.SelectMany(g => g).Select(b => b.Folder).Order(StringComparer.Ordinal));
        Assert.All(shared, group => Assert.Equal(group.OrderBy(b => bundles.IndexOf(b)), group));
        var loads = shared.Select(g => g.Sum(b => b.Pages.Count)).ToList();
        Assert.True(loads.Max() - loads.Min() <= sizes.Max(), $"runs of {string.Join(", ", loads)} pages");
    }

    [Fact]
    public void Several_runs_of_a_failing_pagefind_are_one_error()
    {
        var tools = FakePagefind("#!/bin/sh\necho 'Error: the index could not be written' >&2\nexit 3\n");
        var program = Directory.EnumerateFiles(tools, "pagefind_extended", SearchOption.AllDirectories).Single();
        var site = TestSite.NewFolder();
        File.WriteAllText(Path.Combine(site, "a.html"), "<html lang=\"en\"><body>A</body></html>");
        var bundles = Enumerable.Range(0, 3).Select(b => new PagefindIndexer.Bundle($"pagefind/en/{b}", ["a.html"], b == 0)).ToList();
        var diagnostics = new DiagnosticBag();

        Assert.False(new PagefindIndexer(program).Index(site, bundles, diagnostics, "pagefind", runs: 3));

        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal("TL0801", error.Code);
        Assert.Contains("Error: the index could not be written", error.Message, StringComparison.Ordinal);
        Directory.Delete(tools, recursive: true);
        Directory.Delete(site, recursive: true);
    }

    [Fact]
    public void A_large_site_gives_pagefind_more_time_than_a_small_one()
    {
        // Takes two seconds, where a site of no pages is allowed one: a thousand pages allow six.
        var tools = FakePagefind(FakeService(delayMs: 2000));
        var program = Directory.EnumerateFiles(tools, "pagefind_extended", SearchOption.AllDirectories).Single();
        var indexer = new PagefindIndexer(program, TimeSpan.FromSeconds(1));
        var small = TestSite.NewFolder();
        var large = TestSite.NewFolder();
        for (var i = 0; i < 1000; i++)
        {
            File.WriteAllText(Path.Combine(large, $"page-{i}.html"), "<html lang=\"en\"><body>Page</body></html>");
        }

        var diagnostics = new DiagnosticBag();

        Assert.False(indexer.Index(small, diagnostics, "pagefind"));
        Assert.Equal("TL0803", Assert.Single(diagnostics.Sorted()).Code);

        var allowed = new DiagnosticBag();
        Assert.True(indexer.Index(large, allowed, "pagefind"), string.Join('\n', allowed.Sorted()));
        Assert.True(File.Exists(Path.Combine(large, "pagefind", "pagefind.js")));
        Directory.Delete(tools, recursive: true);
    }

    /// <summary>The text and anchor ids Pagefind recorded for the page at <paramref name="url"/>, from its fragment in any shard.</summary>
    private (string Content, IReadOnlyList<string> Anchors) IndexedText(string url)
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(_site.Output, "pagefind"), "*.pf_fragment", SearchOption.AllDirectories))
        {
            using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(file), System.IO.Compression.CompressionMode.Decompress);
            using var bytes = new MemoryStream();
            gzip.CopyTo(bytes);
            // Pagefind marks a decompressed fragment with a signature before its JSON.
            var text = System.Text.Encoding.UTF8.GetString(bytes.ToArray());
            using var fragment = JsonDocument.Parse(text[text.IndexOf('{', StringComparison.Ordinal)..]);
            if (fragment.RootElement.GetProperty("url").GetString() == url)
            {
                var anchors = fragment.RootElement.GetProperty("anchors").EnumerateArray().Select(a => a.GetProperty("id").GetString() ?? "").ToList();
                return (fragment.RootElement.GetProperty("content").GetString() ?? "", anchors);
            }
        }

        throw new Xunit.Sdk.XunitException($"Pagefind recorded no page at {url}");
    }

    /// <summary>
    /// A tools folder whose node_modules holds only the fonts of the share images (links to the repository's), so
    /// that the build goes as far as search without the repository's Pagefind.
    /// </summary>
    private static string ToolsWithFonts()
    {
        var tools = TestSite.NewFolder();
        var modules = Directory.CreateDirectory(Path.Combine(tools, "node_modules")).FullName;
        foreach (var package in new[] { "dejavu-fonts-ttf", "vazirmatn" })
        {
            Directory.CreateSymbolicLink(Path.Combine(modules, package), Path.Combine(Repository.Root, "node_modules", package));
        }

        return tools;
    }

    /// <summary>
    /// A stand-in for Pagefind's service mode, in Node.js (which the tests' npm packages need anyway): it answers each
    /// message as Pagefind does, after <paramref name="delayMs"/>, and for WriteFiles writes the two files a build
    /// expects unless told not to; each run adds a line to <paramref name="countRunsIn"/>.
    /// </summary>
    internal static string FakeService(int delayMs = 0, bool writeFiles = true, string? countRunsIn = null) => $$"""
        #!/usr/bin/env node
        const fs = require('fs'), path = require('path');
        const count = {{JsonSerializer.Serialize(countRunsIn)}};
        if (count) fs.appendFileSync(count, 'run\n');
        const reply = (id, payload) => process.stdout.write(Buffer.from(JSON.stringify({ message_id: id, payload })).toString('base64') + ',');
        const answer = (m) => {
          const p = m.payload;
          if (p.type === 'NewIndex') return reply(m.message_id, { type: 'NewIndex', index_id: 0 });
          if (p.type === 'AddFile') return reply(m.message_id, { type: 'IndexedFile', page_word_count: 1, page_url: '/', page_meta: {} });
          if (p.type === 'WriteFiles') {
            if ({{(writeFiles ? "true" : "false")}}) {
              fs.mkdirSync(p.output_path, { recursive: true });
              fs.writeFileSync(path.join(p.output_path, 'pagefind.js'), '// index\n');
              fs.writeFileSync(path.join(p.output_path, 'pagefind-entry.json'), '{}\n');
            }
            return reply(m.message_id, { type: 'WriteFiles', output_path: p.output_path });
          }
          if (p.type === 'DeleteIndex') return reply(m.message_id, { type: 'DeleteIndex' });
        };
        let pending = '';
        process.stdin.on('data', (chunk) => {
          pending += chunk;
          let comma;
          while ((comma = pending.indexOf(',')) >= 0) {
            const message = JSON.parse(Buffer.from(pending.slice(0, comma), 'base64').toString());
            pending = pending.slice(comma + 1);
            setTimeout(() => answer(message), message.payload.type === 'NewIndex' ? {{delayMs}} : 0);
          }
        });

        """;

    // The basic site built once with a stand-in that writes the two files a build expects and counts its runs in a
    // file outside the site.
    private static (TestSite Site, string Tools, string Runs) BuiltWithCountedPagefind()
    {
        var runs = Path.Combine(TestSite.NewFolder(), "runs");
        var tools = FakePagefind(FakeService(countRunsIn: runs));
        var site = TestSite.Build("valid/basic", toolsFolder: tools);
        site.AssertSucceeded();
        return (site, tools, runs);
    }

    /// <summary>A tools folder whose node_modules holds a stand-in for Pagefind's Linux binary: a script.</summary>
    internal static string FakePagefind(string script, bool executable = true)
    {
        var tools = ToolsWithFonts();
        var platform = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";
        var bin = Path.Combine(tools, "node_modules", "@pagefind", platform, "bin");
        Directory.CreateDirectory(bin);
        var program = Path.Combine(bin, "pagefind_extended");
        File.WriteAllText(program, script);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(program, executable
                ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                : UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return tools;
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
}
