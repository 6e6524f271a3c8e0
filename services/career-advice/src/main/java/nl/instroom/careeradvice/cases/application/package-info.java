/** The use cases of advice requests (with booking), the adviser's case log, erasure and retention. */
package nl.instroom.careeradvice.cases.application;
