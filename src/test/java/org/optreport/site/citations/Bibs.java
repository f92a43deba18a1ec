package org.optreport.site.citations;

import java.nio.file.Path;

/** A small bibliography for the tests: three authors with LaTeX accents, two authors with a DOI, one author. */
final class Bibs {
    static final Path FILE = Path.of("content/references.bib");
    static final String TEXT = """
            @inproceedings{du2019gradient,
              author = {Du, Simon S. and Zhai, Xiyu and P{\\'o}czos, Barnab{\\'a}s and Singh, Aarti},
              title = {Gradient Descent Provably Optimizes Over-parameterized Neural Networks},
              booktitle = {International Conference on Learning Representations (ICLR)},
              year = {2019}, eprint = {1810.02054}, archivePrefix = {arXiv}
            }
            @article{ghadimi2013stochastic,
              author = {Saeed Ghadimi and Guanghui Lan},
              title = {Stochastic First- and Zeroth-Order Methods for Nonconvex Stochastic Programming},
              journal = {SIAM Journal on Optimization}, volume = {23}, number = {4}, pages = {2341--2368},
              year = 2013, doi = {10.1137/120880811}
            }
            @misc{solo2020,
              author = {Solo, Han},
              title = {A Note},
              year = {2020}
            }
            """;

    private Bibs() {}

    static Bibliography bibliography() { return Bibliography.parse(FILE, TEXT); }
}
