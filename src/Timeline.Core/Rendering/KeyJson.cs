using System.Text.Json.Serialization;
using Timeline.Model;
using Timeline.Views;

namespace Timeline.Rendering;

/// <summary>
/// How page keys serialize what they hash, made when the generator is compiled: the records in <see cref="PageInputs"/>,
/// and in <see cref="PageCache"/> the views of the few pages still keyed by them (the tag index, search, the entity
/// indexes, content pages and 404) with every page's site view and meta. Made by reflection instead, each build spent
/// about 0.1 s of a 1,000-event edit building it again (emitting and compiling code for every property), part of it
/// with every thread waiting on the first source's hash. Like reflection, it writes every public property, so a key
/// still covers all of a record. There is no reflection behind it: the linux-x64 program is compiled ahead of time to
/// native code, where serializing by reflection is not available, so a type a key hashes that is missing here fails
/// every build that hashes it, in the tests too, rather than only in the published program.
/// </summary>
[JsonSourceGenerationOptions(MaxDepth = 256)]
[JsonSerializable(typeof(ResolvedEvent))]
[JsonSerializable(typeof(ResolvedEntity))]
[JsonSerializable(typeof(ResolvedPage))]
[JsonSerializable(typeof(Source))]
[JsonSerializable(typeof(Entity))]
[JsonSerializable(typeof(EntryDates))]
[JsonSerializable(typeof(PageInputs.ListedEvent))]
[JsonSerializable(typeof(PageInputs.Everywhere))]
[JsonSerializable(typeof(SiteView))]
[JsonSerializable(typeof(PageMeta))]
[JsonSerializable(typeof(PageView))]
[JsonSerializable(typeof(SearchView))]
[JsonSerializable(typeof(EntityIndexView))]
[JsonSerializable(typeof(object))]
[JsonSerializable(typeof(List<TagView>))]
internal sealed partial class KeyJson : JsonSerializerContext;
