// Run by tests/test_termbase.py inside OmegaT (console mode, --script): prints, for every
// source segment, the entries that OmegaT's glossary pane shows for it.
import org.omegat.core.Core
import org.omegat.gui.glossary.*

// The glossary pane's own search (FindGlossaryThread) over the entries OmegaT's TBX reader
// loads; the manager is given them directly because its file watcher refreshes a Swing pane.
class Entries extends GlossaryManager {
  List entries
  Entries(List entries) { super(null); this.entries = entries }
  List getGlossaryEntries(String src) { entries }
}
// Not shown in a pane: no entry change to watch for.
class Search extends FindGlossaryThread {
  Search(ste, manager) { super(null, ste, manager) }
  void checkEntryChanged() {}
}
if (eventType.toString() != "COMPILE") return
def project = Core.getProject()
def entries = GlossaryReaderTBX.read(new File(project.getProjectProperties().getGlossaryRoot(), "terms.tbx"), false)
println "TBX ENTRIES\t" + entries.size()
def manager = new Entries(entries)
for (ste in project.getAllEntries()) {
  for (e in new Search(ste, manager).search())
    println "GLOSSARY\t" + ste.getSrcText() + "\t" + e.getSrcText() + "\t" + e.getLocText()
}
