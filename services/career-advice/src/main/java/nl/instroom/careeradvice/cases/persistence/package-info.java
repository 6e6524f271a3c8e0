/** The cases' store, with their personal data sealed under a key per case (crypto-shredded on erasure). */
package nl.instroom.careeradvice.cases.persistence;
